<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Deteniendo…</translation>
    </message>
    <message>
        <source>{term}: {meaning}</source>
        <translation>{term}: {meaning}</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Espalda</translation>
    </message>
    <message>
        <source>Front</source>
        <translation>Delante</translation>
    </message>
    <message>
        <source>Right side</source>
        <translation>Lado derecho</translation>
    </message>
    <message>
        <source>Left side</source>
        <translation>Lado izquierdo</translation>
    </message>
    <message>
        <source>L</source>
        <translation>I</translation>
    </message>
    <message>
        <source>R</source>
        <translation>D</translation>
    </message>
    <message>
        <source>aching</source>
        <translation>dolorido</translation>
    </message>
    <message>
        <source>burning</source>
        <translation>quemazón</translation>
    </message>
    <message>
        <source>stabbing</source>
        <translation>punzante</translation>
    </message>
    <message>
        <source>tingling</source>
        <translation>hormigueo</translation>
    </message>
    <message>
        <source>numbness</source>
        <translation>adormecimiento</translation>
    </message>
    <message>
        <source>throbbing</source>
        <translation>pulsátil</translation>
    </message>
    <message>
        <source>cramping</source>
        <translation>calambre</translation>
    </message>
    <message>
        <source>shooting</source>
        <translation>lancinante</translation>
    </message>
    <message>
        <source>dull</source>
        <translation>sordo</translation>
    </message>
    <message>
        <source>sharp</source>
        <translation>agudo</translation>
    </message>
    <message>
        <source>head and neck</source>
        <translation>cabeza y cuello</translation>
    </message>
    <message>
        <source>left ankle and foot</source>
        <translation>tobillo y pie izquierdos</translation>
    </message>
    <message>
        <source>left arm</source>
        <translation>brazo izquierdo</translation>
    </message>
    <message>
        <source>left arm (folded over the chest)</source>
        <translation>brazo izquierdo (doblado sobre el pecho)</translation>
    </message>
    <message>
        <source>left belly</source>
        <translation>lado izquierdo del vientre</translation>
    </message>
    <message>
        <source>left buttock</source>
        <translation>nalga izquierda</translation>
    </message>
    <message>
        <source>left chest</source>
        <translation>lado izquierdo del pecho</translation>
    </message>
    <message>
        <source>left flank</source>
        <translation>costado izquierdo</translation>
    </message>
    <message>
        <source>left front of the hip</source>
        <translation>parte delantera de la cadera izquierda</translation>
    </message>
    <message>
        <source>left front of the iliac crest (ASIS)</source>
        <translation>parte delantera de la cresta ilíaca izquierda (EIAS)</translation>
    </message>
    <message>
        <source>left front of the knee</source>
        <translation>parte delantera de la rodilla izquierda</translation>
    </message>
    <message>
        <source>left front of the thigh</source>
        <translation>parte delantera del muslo izquierdo</translation>
    </message>
    <message>
        <source>left groin</source>
        <translation>ingle izquierda</translation>
    </message>
    <message>
        <source>left hip point (greater trochanter)</source>
        <translation>punta de la cadera izquierda (trocánter mayor)</translation>
    </message>
    <message>
        <source>left iliac crest</source>
        <translation>cresta ilíaca izquierda</translation>
    </message>
    <message>
        <source>left knee</source>
        <translation>rodilla izquierda</translation>
    </message>
    <message>
        <source>left lower back</source>
        <translation>zona lumbar izquierda</translation>
    </message>
    <message>
        <source>left lower leg</source>
        <translation>pierna izquierda</translation>
    </message>
    <message>
        <source>left lower thigh</source>
        <translation>parte baja del muslo izquierdo</translation>
    </message>
    <message>
        <source>left sacroiliac joint</source>
        <translation>articulación sacroilíaca izquierda</translation>
    </message>
    <message>
        <source>left shin</source>
        <translation>espinilla izquierda</translation>
    </message>
    <message>
        <source>left shoulder (the arm is left out of the side view)</source>
        <translation>hombro izquierdo (el brazo no se dibuja en la vista lateral)</translation>
    </message>
    <message>
        <source>left side of the chest</source>
        <translation>costado izquierdo del pecho</translation>
    </message>
    <message>
        <source>left side of the hip</source>
        <translation>costado de la cadera izquierda</translation>
    </message>
    <message>
        <source>left upper back</source>
        <translation>parte alta izquierda de la espalda</translation>
    </message>
    <message>
        <source>left upper thigh</source>
        <translation>parte alta del muslo izquierdo</translation>
    </message>
    <message>
        <source>lower spine</source>
        <translation>parte baja de la columna</translation>
    </message>
    <message>
        <source>pubic area</source>
        <translation>zona del pubis</translation>
    </message>
    <message>
        <source>right ankle and foot</source>
        <translation>tobillo y pie derechos</translation>
    </message>
    <message>
        <source>right arm</source>
        <translation>brazo derecho</translation>
    </message>
    <message>
        <source>right arm (folded over the chest)</source>
        <translation>brazo derecho (doblado sobre el pecho)</translation>
    </message>
    <message>
        <source>right belly</source>
        <translation>lado derecho del vientre</translation>
    </message>
    <message>
        <source>right buttock</source>
        <translation>nalga derecha</translation>
    </message>
    <message>
        <source>right chest</source>
        <translation>lado derecho del pecho</translation>
    </message>
    <message>
        <source>right flank</source>
        <translation>costado derecho</translation>
    </message>
    <message>
        <source>right front of the hip</source>
        <translation>parte delantera de la cadera derecha</translation>
    </message>
    <message>
        <source>right front of the iliac crest (ASIS)</source>
        <translation>parte delantera de la cresta ilíaca derecha (EIAS)</translation>
    </message>
    <message>
        <source>right front of the knee</source>
        <translation>parte delantera de la rodilla derecha</translation>
    </message>
    <message>
        <source>right front of the thigh</source>
        <translation>parte delantera del muslo derecho</translation>
    </message>
    <message>
        <source>right groin</source>
        <translation>ingle derecha</translation>
    </message>
    <message>
        <source>right hip point (greater trochanter)</source>
        <translation>punta de la cadera derecha (trocánter mayor)</translation>
    </message>
    <message>
        <source>right iliac crest</source>
        <translation>cresta ilíaca derecha</translation>
    </message>
    <message>
        <source>right knee</source>
        <translation>rodilla derecha</translation>
    </message>
    <message>
        <source>right lower back</source>
        <translation>zona lumbar derecha</translation>
    </message>
    <message>
        <source>right lower leg</source>
        <translation>pierna derecha</translation>
    </message>
    <message>
        <source>right lower thigh</source>
        <translation>parte baja del muslo derecho</translation>
    </message>
    <message>
        <source>right sacroiliac joint</source>
        <translation>articulación sacroilíaca derecha</translation>
    </message>
    <message>
        <source>right shin</source>
        <translation>espinilla derecha</translation>
    </message>
    <message>
        <source>right shoulder (the arm is left out of the side view)</source>
        <translation>hombro derecho (el brazo no se dibuja en la vista lateral)</translation>
    </message>
    <message>
        <source>right side of the chest</source>
        <translation>costado derecho del pecho</translation>
    </message>
    <message>
        <source>right side of the hip</source>
        <translation>costado de la cadera derecha</translation>
    </message>
    <message>
        <source>right upper back</source>
        <translation>parte alta derecha de la espalda</translation>
    </message>
    <message>
        <source>right upper thigh</source>
        <translation>parte alta del muslo derecho</translation>
    </message>
    <message>
        <source>sacrum</source>
        <translation>sacro</translation>
    </message>
    <message>
        <source>tailbone (coccyx)</source>
        <translation>rabadilla (cóccix)</translation>
    </message>
    <message>
        <source>ASIS</source>
        <translation>EIAS</translation>
    </message>
    <message>
        <source>Coccyx</source>
        <translation>Cóccix</translation>
    </message>
    <message>
        <source>Greater trochanter</source>
        <translation>Trocánter mayor</translation>
    </message>
    <message>
        <source>Iliac crest summit</source>
        <translation>Cima de la cresta ilíaca</translation>
    </message>
    <message>
        <source>Ischial tuberosity</source>
        <translation>Tuberosidad isquiática</translation>
    </message>
    <message>
        <source>L1</source>
        <translation>L1</translation>
    </message>
    <message>
        <source>L2</source>
        <translation>L2</translation>
    </message>
    <message>
        <source>L3</source>
        <translation>L3</translation>
    </message>
    <message>
        <source>L4</source>
        <translation>L4</translation>
    </message>
    <message>
        <source>L5</source>
        <translation>L5</translation>
    </message>
    <message>
        <source>Lateral femoral condyle</source>
        <translation>Cóndilo femoral lateral</translation>
    </message>
    <message>
        <source>Lateral malleolus</source>
        <translation>Maléolo lateral</translation>
    </message>
    <message>
        <source>PSIS</source>
        <translation>EIPS</translation>
    </message>
    <message>
        <source>Patella</source>
        <translation>Rótula</translation>
    </message>
    <message>
        <source>Pubic symphysis</source>
        <translation>Sínfisis del pubis</translation>
    </message>
    <message>
        <source>SI joint</source>
        <translation>Articulación SI</translation>
    </message>
    <message>
        <source>Adductor brevis</source>
        <translation>Aductor corto</translation>
    </message>
    <message>
        <source>Adductor longus</source>
        <translation>Aductor largo</translation>
    </message>
    <message>
        <source>Adductor magnus</source>
        <translation>Aductor mayor</translation>
    </message>
    <message>
        <source>Biceps femoris long head</source>
        <translation>Bíceps femoral, cabeza larga</translation>
    </message>
    <message>
        <source>Biceps femoris short head</source>
        <translation>Bíceps femoral, cabeza corta</translation>
    </message>
    <message>
        <source>Femur</source>
        <translation>Fémur</translation>
    </message>
    <message>
        <source>Fibula</source>
        <translation>Peroné</translation>
    </message>
    <message>
        <source>Gemellus inferior</source>
        <translation>Gemelo inferior</translation>
    </message>
    <message>
        <source>Gemellus superior</source>
        <translation>Gemelo superior</translation>
    </message>
    <message>
        <source>Gluteus maximus</source>
        <translation>Glúteo mayor</translation>
    </message>
    <message>
        <source>Gluteus medius</source>
        <translation>Glúteo medio</translation>
    </message>
    <message>
        <source>Gluteus minimus</source>
        <translation>Glúteo menor</translation>
    </message>
    <message>
        <source>Gracilis</source>
        <translation>Grácil</translation>
    </message>
    <message>
        <source>Iliacus</source>
        <translation>Ilíaco</translation>
    </message>
    <message>
        <source>Ilium</source>
        <translation>Ilion</translation>
    </message>
    <message>
        <source>Ischium</source>
        <translation>Isquion</translation>
    </message>
    <message>
        <source>Obturator externus</source>
        <translation>Obturador externo</translation>
    </message>
    <message>
        <source>Obturator internus</source>
        <translation>Obturador interno</translation>
    </message>
    <message>
        <source>Pectineus</source>
        <translation>Pectíneo</translation>
    </message>
    <message>
        <source>Piriformis</source>
        <translation>Piriforme</translation>
    </message>
    <message>
        <source>Psoas major</source>
        <translation>Psoas mayor</translation>
    </message>
    <message>
        <source>Pubis</source>
        <translation>Pubis</translation>
    </message>
    <message>
        <source>Quadratus femoris</source>
        <translation>Cuadrado femoral</translation>
    </message>
    <message>
        <source>Quadratus lumborum</source>
        <translation>Cuadrado lumbar</translation>
    </message>
    <message>
        <source>Rectus femoris</source>
        <translation>Recto femoral</translation>
    </message>
    <message>
        <source>Sacrum</source>
        <translation>Sacro</translation>
    </message>
    <message>
        <source>Sartorius</source>
        <translation>Sartorio</translation>
    </message>
    <message>
        <source>Semimembranosus</source>
        <translation>Semimembranoso</translation>
    </message>
    <message>
        <source>Semitendinosus</source>
        <translation>Semitendinoso</translation>
    </message>
    <message>
        <source>Tensor fasciae latae</source>
        <translation>Tensor de la fascia lata</translation>
    </message>
    <message>
        <source>Tibia</source>
        <translation>Tibia</translation>
    </message>
    <message>
        <source>Vastus intermedius</source>
        <translation>Vasto intermedio</translation>
    </message>
    <message>
        <source>Vastus lateralis</source>
        <translation>Vasto lateral</translation>
    </message>
    <message>
        <source>Vastus medialis</source>
        <translation>Vasto medial</translation>
    </message>
    <message>
        <source>{name} (right)</source>
        <translation>{name} (lado derecho)</translation>
    </message>
    <message>
        <source>{name} (left)</source>
        <translation>{name} (lado izquierdo)</translation>
    </message>
    <message>
        <source>Brush stroke</source>
        <translation>trazo de pincel</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>borrado</translation>
    </message>
    <message>
        <source>Fill region</source>
        <translation>relleno de región</translation>
    </message>
    <message>
        <source>Clear view</source>
        <translation>vaciado de la vista</translation>
    </message>
    <message>
        <source>Lasso</source>
        <translation>lazo</translation>
    </message>
    <message>
        <source>New since the earlier drawing (purple cross-hatch)</source>
        <translation>Nuevo desde el dibujo anterior (cuadrícula morada)</translation>
    </message>
    <message>
        <source>Gone since the earlier drawing (orange diagonal lines)</source>
        <translation>Desaparecido desde el dibujo anterior (rayas diagonales naranjas)</translation>
    </message>
    <message>
        <source>In both drawings (solid green)</source>
        <translation>En los dos dibujos (verde liso)</translation>
    </message>
    <message>
        <source>Compare with an earlier drawing</source>
        <translation>Comparar con un dibujo anterior</translation>
    </message>
    <message>
        <source>Compared with an earlier drawing</source>
        <translation>Comparado con un dibujo anterior</translation>
    </message>
    <message>
        <source>Hide the overlay</source>
        <translation>Ocultar la superposición</translation>
    </message>
    <message>
        <source>Take the new / gone / persisting overlay off the chart</source>
        <translation>Quitar del mapa la superposición de lo nuevo / desaparecido / que sigue</translation>
    </message>
    <message>
        <source>Compare with an &amp;earlier drawing…</source>
        <translation>Comparar con un dibujo an&amp;terior…</translation>
    </message>
    <message>
        <source>Show what is new, gone and the same since an earlier drawing of this person</source>
        <translation>Mostrar qué es nuevo, qué ha desaparecido y qué sigue igual desde un dibujo anterior de esta persona</translation>
    </message>
    <message>
        <source>Comparison overlay</source>
        <translation>Superposición de la comparación</translation>
    </message>
    <message>
        <source>Show or hide the overlay of the comparison with an earlier drawing</source>
        <translation>Mostrar u ocultar la superposición de la comparación con un dibujo anterior</translation>
    </message>
    <message>
        <source>Could not compare the drawings</source>
        <translation>No se han podido comparar los dibujos</translation>
    </message>
    <message>
        <source>Unexpected errors are written to {path}</source>
        <translation>Los errores inesperados se anotan en {path}</translation>
    </message>
    <message>
        <source>painmap: something went wrong</source>
        <translation>painmap: algo ha salido mal</translation>
    </message>
    <message>
        <source>painmap could not start because of an unexpected error.</source>
        <translation>painmap no ha podido arrancar por un error inesperado.</translation>
    </message>
    <message>
        <source>painmap ran into an unexpected error. Your drawing stays open and is autosaved.</source>
        <translation>painmap ha tenido un error inesperado. Tu dibujo sigue abierto y se guarda solo.</translation>
    </message>
    <message>
        <source>Details are in the log: {path}</source>
        <translation>Los detalles están en el registro: {path}</translation>
    </message>
    <message>
        <source>Open log</source>
        <translation>Abrir el registro</translation>
    </message>
    <message>
        <source>For example: when it started, what makes it worse or better, anything you want your clinician to know.</source>
        <translation>Por ejemplo: cuándo empezó, qué lo empeora o lo mejora, cualquier cosa que quieras que sepa tu profesional sanitario.</translation>
    </message>
    <message>
        <source>About this drawing</source>
        <translation>Sobre este dibujo</translation>
    </message>
    <message>
        <source>A note about this drawing. It is saved with the drawing and printed in its report.</source>
        <translation>Una nota sobre este dibujo. Se guarda con el dibujo y se imprime en su informe.</translation>
    </message>
    <message>
        <source>Saved in the drawing file (meta.note)</source>
        <translation>Se guarda en el archivo del dibujo (meta.note)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf);;PNG pictures (*.png);;SVG drawings (*.svg)</source>
        <translation>Documentos PDF (*.pdf);;Imágenes PNG (*.png);;Dibujos SVG (*.svg)</translation>
    </message>
    <message>
        <source>PNG pictures (*.png);;PDF documents (*.pdf);;SVG drawings (*.svg)</source>
        <translation>Imágenes PNG (*.png);;Documentos PDF (*.pdf);;Dibujos SVG (*.svg)</translation>
    </message>
    <message>
        <source>CSV tables (*.csv)</source>
        <translation>Tablas CSV (*.csv)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>The drawing has changes that are not saved. Save them first?</source>
        <translation>El dibujo tiene cambios que no se han guardado. ¿Guardarlos antes?</translation>
    </message>
    <message>
        <source>Recover unsaved drawing?</source>
        <translation>¿Recuperar el dibujo sin guardar?</translation>
    </message>
    <message>
        <source>This file is not a painmap drawing.</source>
        <translation>Este archivo no es un dibujo de painmap.</translation>
    </message>
    <message>
        <source>This file is damaged.</source>
        <translation>Este archivo está dañado.</translation>
    </message>
    <message>
        <source>This file is from a newer painmap version.</source>
        <translation>Este archivo es de una versión más nueva de painmap.</translation>
    </message>
    <message>
        <source>This file could not be read.</source>
        <translation>No se ha podido leer este archivo.</translation>
    </message>
    <message>
        <source>Pain drawings (*.painmap.json);;JSON files (*.json);;All files (*)</source>
        <translation>Dibujos del dolor (*.painmap.json);;Archivos JSON (*.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Nuevo</translation>
    </message>
    <message>
        <source>Start a new, empty drawing</source>
        <translation type="vanished">Empezar un dibujo nuevo, vacío</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Abrir…</translation>
    </message>
    <message>
        <source>Open a saved pain drawing</source>
        <translation>Abrir un dibujo del dolor guardado</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Save the drawing</source>
        <translation>Guardar el dibujo</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Guardar &amp;como…</translation>
    </message>
    <message>
        <source>Save the drawing under a new name</source>
        <translation>Guardar el dibujo con otro nombre</translation>
    </message>
    <message>
        <source>Export &amp;picture…</source>
        <translation>Exportar i&amp;magen…</translation>
    </message>
    <message>
        <source>Save the body chart as a PNG picture</source>
        <translation type="vanished">Guardar el mapa del cuerpo como imagen PNG</translation>
    </message>
    <message>
        <source>Export &amp;report…</source>
        <translation>Exportar &amp;informe…</translation>
    </message>
    <message>
        <source>Save a report of the drawing and its closest patterns (PDF, PNG or SVG)</source>
        <translation>Guardar un informe del dibujo y de los patrones más parecidos (PDF, PNG o SVG)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Close painmap</source>
        <translation>Cerrar painmap</translation>
    </message>
    <message>
        <source>Open a pain drawing</source>
        <translation>Abrir un dibujo del dolor</translation>
    </message>
    <message>
        <source>Could not open the drawing</source>
        <translation>No se ha podido abrir el dibujo</translation>
    </message>
    <message>
        <source>{file}: {reason}</source>
        <translation>{file}: {reason}</translation>
    </message>
    <message>
        <source>Save the pain drawing</source>
        <translation>Guardar el dibujo del dolor</translation>
    </message>
    <message>
        <source>Could not save the drawing</source>
        <translation>No se ha podido guardar el dibujo</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Guardado en {path}</translation>
    </message>
    <message>
        <source>Export the body chart</source>
        <translation type="vanished">Exportar el mapa del cuerpo</translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation type="vanished">Imágenes PNG (*.png)</translation>
    </message>
    <message>
        <source>Could not export</source>
        <translation type="vanished">No se ha podido exportar</translation>
    </message>
    <message>
        <source>{path}: could not write the picture</source>
        <translation type="vanished">{path}: no se ha podido escribir la imagen</translation>
    </message>
    <message>
        <source>Exported {path}</source>
        <translation>Exportado a {path}</translation>
    </message>
    <message>
        <source>Export a report</source>
        <translation>Exportar un informe</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>Escribiendo {file}…</translation>
    </message>
    <message>
        <source>Could not export the report</source>
        <translation>No se ha podido exportar el informe</translation>
    </message>
    <message>
        <source>Autosave failed: {reason}</source>
        <translation>Ha fallado el guardado automático: {reason}</translation>
    </message>
    <message>
        <source>Could not recover</source>
        <translation>No se ha podido recuperar</translation>
    </message>
    <message>
        <source>the autosaved drawing could not be read: {reason}</source>
        <translation>no se ha podido leer el dibujo guardado automáticamente: {reason}</translation>
    </message>
    <message>
        <source>{n} mark</source>
        <translation>{n} marca</translation>
    </message>
    <message>
        <source>{n} marks</source>
        <translation>{n} marcas</translation>
    </message>
    <message>
        <source>painmap was closed without saving a drawing for {file} ({marks}). Recover it?</source>
        <translation>painmap se cerró sin guardar un dibujo de {file} ({marks}). ¿Recuperarlo?</translation>
    </message>
    <message>
        <source>painmap was closed without saving a drawing ({marks}). Recover it?</source>
        <translation>painmap se cerró sin guardar un dibujo ({marks}). ¿Recuperarlo?</translation>
    </message>
    <message>
        <source>Open folder as &amp;frequency map…</source>
        <translation>Abrir carpeta como mapa de &amp;frecuencia…</translation>
    </message>
    <message>
        <source>Read every drawing in a folder and show where pain was drawn how often</source>
        <translation>Leer todos los dibujos de una carpeta y mostrar con qué frecuencia se dibujó dolor en cada sitio</translation>
    </message>
    <message>
        <source>Open a folder of drawings as a frequency map</source>
        <translation>Abrir una carpeta de dibujos como mapa de frecuencia</translation>
    </message>
    <message>
        <source>Drawing the map of {n} drawing…</source>
        <translation>Dibujando el mapa de {n} dibujo…</translation>
    </message>
    <message>
        <source>Drawing the map of {n} drawings…</source>
        <translation>Dibujando el mapa de {n} dibujos…</translation>
    </message>
    <message>
        <source>{n} folders</source>
        <translation>{n} carpetas</translation>
    </message>
    <message>
        <source>Frequency map</source>
        <translation>Mapa de frecuencia</translation>
    </message>
    <message>
        <source>Reading the drawings in {name}…</source>
        <translation>Leyendo los dibujos de {name}…</translation>
    </message>
    <message>
        <source>Frequency map cancelled after {n} drawing; nothing shown</source>
        <translation>Mapa de frecuencia cancelado tras {n} dibujo; no se muestra nada</translation>
    </message>
    <message>
        <source>Frequency map cancelled after {n} drawings; nothing shown</source>
        <translation>Mapa de frecuencia cancelado tras {n} dibujos; no se muestra nada</translation>
    </message>
    <message>
        <source>Could not make a frequency map</source>
        <translation>No se ha podido hacer un mapa de frecuencia</translation>
    </message>
    <message>
        <source>Reading the drawings… ({n} file skipped)</source>
        <translation>Leyendo los dibujos… ({n} archivo omitido)</translation>
    </message>
    <message>
        <source>Reading the drawings… ({n} files skipped)</source>
        <translation>Leyendo los dibujos… ({n} archivos omitidos)</translation>
    </message>
    <message>
        <source>the frequency map could not be drawn</source>
        <translation>no se ha podido dibujar el mapa de frecuencia</translation>
    </message>
    <message>
        <source>Frequency map — {name} — painmap</source>
        <translation>Mapa de frecuencia — {name} — painmap</translation>
    </message>
    <message>
        <source> Outline of </source>
        <translation> Contorno de </translation>
    </message>
    <message>
        <source>Outline a referral pattern on the map (solid essential zone, dashed spillover)</source>
        <translation>Dibujar el contorno de un patrón de dolor referido en el mapa (continuo la zona esencial, discontinuo la de derrame)</translation>
    </message>
    <message>
        <source>no pattern</source>
        <translation>ningún patrón</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <source>Save the map as PNG, PDF or SVG</source>
        <translation>Guardar el mapa como PNG, PDF o SVG</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Exportar C&amp;SV…</translation>
    </message>
    <message>
        <source>Save one row per drawing (extent, closest pattern, every pattern&apos;s score) as a CSV table</source>
        <translation>Guardar una fila por dibujo (extensión, patrón más parecido, puntuación de cada patrón) como tabla CSV</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>Close this map</source>
        <translation>Cerrar este mapa</translation>
    </message>
    <message>
        <source>{n} drawing</source>
        <translation>{n} dibujo</translation>
    </message>
    <message>
        <source>{n} drawings</source>
        <translation>{n} dibujos</translation>
    </message>
    <message>
        <source>&lt;b&gt;{drawings}&lt;/b&gt; from {where}</source>
        <translation>&lt;b&gt;{drawings}&lt;/b&gt; de {where}</translation>
    </message>
    <message>
        <source>{n} file skipped</source>
        <translation>{n} archivo omitido</translation>
    </message>
    <message>
        <source>{n} files skipped</source>
        <translation>{n} archivos omitidos</translation>
    </message>
    <message>
        <source>&lt;b&gt;{skipped}&lt;/b&gt; (listed below)</source>
        <translation>&lt;b&gt;{skipped}&lt;/b&gt; (en la lista de abajo)</translation>
    </message>
    <message>
        <source>shows where people drew pain, not why.</source>
        <translation>muestra dónde dibujaron dolor las personas, no por qué.</translation>
    </message>
    <message>
        <source>Percentage of the drawings with pain at each point</source>
        <translation>Porcentaje de los dibujos con dolor en cada punto</translation>
    </message>
    <message>
        <source>{n} folders or files</source>
        <translation>{n} carpetas o archivos</translation>
    </message>
    <message>
        <source>No drawing marks any view.</source>
        <translation>Ningún dibujo marca ninguna vista.</translation>
    </message>
    <message>
        <source>Drawings per view — {counts}</source>
        <translation>Dibujos por vista — {counts}</translation>
    </message>
    <message>
        <source>Skipped file ({n})</source>
        <translation>Archivo omitido ({n})</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>… y {n} más</translation>
    </message>
    <message>
        <source>Files that could not be read; the map leaves them out</source>
        <translation>Archivos que no se han podido leer; el mapa no los incluye</translation>
    </message>
    <message>
        <source>Drawing the map…</source>
        <translation>Dibujando el mapa…</translation>
    </message>
    <message>
        <source>Could not draw the map</source>
        <translation>No se ha podido dibujar el mapa</translation>
    </message>
    <message>
        <source>Export the frequency map</source>
        <translation>Exportar el mapa de frecuencia</translation>
    </message>
    <message>
        <source>Could not export the map</source>
        <translation>No se ha podido exportar el mapa</translation>
    </message>
    <message>
        <source>Export a CSV table</source>
        <translation>Exportar una tabla CSV</translation>
    </message>
    <message>
        <source>Comparing the drawings for {file}…</source>
        <translation>Comparando los dibujos para {file}…</translation>
    </message>
    <message>
        <source>Could not export the CSV table</source>
        <translation>No se ha podido exportar la tabla CSV</translation>
    </message>
    <message>
        <source>CSV export cancelled; no file written</source>
        <translation>Exportación CSV cancelada; no se ha escrito ningún archivo</translation>
    </message>
    <message>
        <source>Wrote {n} row to {path}</source>
        <translation>Se ha escrito {n} fila en {path}</translation>
    </message>
    <message>
        <source>Wrote {n} rows to {path}</source>
        <translation>Se han escrito {n} filas en {path}</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>Desplazar</translation>
    </message>
    <message>
        <source>Middle-drag, or Space + drag</source>
        <translation>Arrastrar con el botón central, o Espacio + arrastrar</translation>
    </message>
    <message>
        <source>Move the picture</source>
        <translation>Mover la imagen</translation>
    </message>
    <message>
        <source>Zoom at the pointer</source>
        <translation>Zoom donde está el puntero</translation>
    </message>
    <message>
        <source>Mouse wheel</source>
        <translation>Rueda del ratón</translation>
    </message>
    <message>
        <source>Zoom in or out where the pointer is</source>
        <translation>Acercar o alejar donde está el puntero</translation>
    </message>
    <message>
        <source>Move the keyboard brush</source>
        <translation>Mover el pincel de teclado</translation>
    </message>
    <message>
        <source>Arrow keys (Shift: bigger steps)</source>
        <translation>Flechas (Mayús: pasos más grandes)</translation>
    </message>
    <message>
        <source>Shows it, then moves it</source>
        <translation>Lo muestra y luego lo mueve</translation>
    </message>
    <message>
        <source>Paint with the keyboard</source>
        <translation>Pintar con el teclado</translation>
    </message>
    <message>
        <source>Hold Space (with the arrows)</source>
        <translation>Mantener pulsado Espacio (con las flechas)</translation>
    </message>
    <message>
        <source>Applies the tool at the keyboard brush</source>
        <translation>Aplica la herramienta donde está el pincel de teclado</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>Qué hace</translation>
    </message>
    <message>
        <source>(the app&apos;s data folder)</source>
        <translation>(la carpeta de datos de la aplicación)</translation>
    </message>
    <message>
        <source>Where your drawings are kept</source>
        <translation>Dónde se guardan tus dibujos</translation>
    </message>
    <message>
        <source>Drawings are saved where you choose, as &lt;i&gt;*{suffix}&lt;/i&gt; files; the first Save offers your documents folder ({documents}). While you draw, an unsaved copy is kept every few seconds in {autosave}, so it can be recovered after a crash; it is removed when you save or discard the drawing.</source>
        <translation>Los dibujos se guardan donde tú elijas, como archivos &lt;i&gt;*{suffix}&lt;/i&gt;; la primera vez que guardas se propone tu carpeta de documentos ({documents}). Mientras dibujas, cada pocos segundos se guarda una copia del dibujo sin guardar en {autosave}, para poder recuperarla si algo falla; se borra cuando guardas o descartas el dibujo.</translation>
    </message>
    <message>
        <source>Everything stays on this computer: painmap sends nothing over the network.</source>
        <translation>Todo se queda en este ordenador: painmap no envía nada por la red.</translation>
    </message>
    <message>
        <source>Where my drawings are kept</source>
        <translation>Dónde se guardan mis dibujos</translation>
    </message>
    <message>
        <source>About painmap</source>
        <translation>Acerca de painmap</translation>
    </message>
    <message>
        <source>Shade where you feel pain and see which referral patterns of muscles (such as the gluteus medius) or the sacroiliac joint look alike.</source>
        <translation>Sombrea donde sientes dolor y mira qué patrones de dolor referido de músculos (como el glúteo medio) o de la articulación sacroilíaca se parecen.</translation>
    </message>
    <message>
        <source>painmap informs and teaches. It does not diagnose and does not recommend a treatment.</source>
        <translation>painmap informa y enseña. No diagnostica ni recomienda ningún tratamiento.</translation>
    </message>
    <message>
        <source>painmap cannot start</source>
        <translation>painmap no puede arrancar</translation>
    </message>
    <message>
        <source>Not loaded ({count}): {names}.</source>
        <translation>No cargados ({count}): {names}.</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>Undo the last mark</source>
        <translation>Deshacer la última marca</translation>
    </message>
    <message>
        <source>Undo the last mark (Ctrl+Z)</source>
        <translation>Deshacer la última marca (Ctrl+Z)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>Redo the mark just undone</source>
        <translation>Rehacer la marca que se acaba de deshacer</translation>
    </message>
    <message>
        <source>Redo the mark just undone (Ctrl+Shift+Z or Ctrl+Y)</source>
        <translation>Rehacer la marca que se acaba de deshacer (Ctrl+Shift+Z o Ctrl+Y)</translation>
    </message>
    <message>
        <source>&amp;Clear this view</source>
        <translation>&amp;Vaciar esta vista</translation>
    </message>
    <message>
        <source>Remove every mark of the view shown</source>
        <translation>Quitar todas las marcas de la vista que se muestra</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rehacer</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Vaciar</translation>
    </message>
    <message>
        <source>&amp;Undo {step}</source>
        <translation>&amp;Deshacer {step}</translation>
    </message>
    <message>
        <source>&amp;Redo {step}</source>
        <translation>&amp;Rehacer {step}</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Vistas</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Herramientas</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>About this &amp;drawing…</source>
        <translation>&amp;Sobre este dibujo…</translation>
    </message>
    <message>
        <source>A note kept with the drawing</source>
        <translation>Una nota que se guarda con el dibujo</translation>
    </message>
    <message>
        <source>&amp;Fill a region…</source>
        <translation>Re&amp;llenar una región…</translation>
    </message>
    <message>
        <source>Fill a body region by typing its name</source>
        <translation>Rellenar una región del cuerpo escribiendo su nombre</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Herramientas</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <source>List every keyboard shortcut</source>
        <translation>Ver todos los atajos de teclado</translation>
    </message>
    <message>
        <source>&amp;About painmap</source>
        <translation>A&amp;cerca de painmap</translation>
    </message>
    <message>
        <source>What painmap is</source>
        <translation>Qué es painmap</translation>
    </message>
    <message>
        <source>&amp;Where my drawings are kept</source>
        <translation>&amp;Dónde se guardan mis dibujos</translation>
    </message>
    <message>
        <source>Where drawings and the autosave are</source>
        <translation>Dónde están los dibujos y la copia automática</translation>
    </message>
    <message>
        <source>The body region under the pointer</source>
        <translation>La región del cuerpo bajo el puntero</translation>
    </message>
    <message>
        <source>Zoom (100 % = life size)</source>
        <translation>Zoom (100 % = tamaño real)</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>sin título</translation>
    </message>
    <message>
        <source>{name}[*] — {app}</source>
        <translation>{name}[*] — {app}</translation>
    </message>
    <message>
        <source>&amp;Patient</source>
        <translation>&amp;Paciente</translation>
    </message>
    <message>
        <source>&amp;Educator</source>
        <translation>&amp;Docente</translation>
    </message>
    <message>
        <source>&amp;Quiz</source>
        <translation>P&amp;rueba</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>Guía</translation>
    </message>
    <message>
        <source>What to do in this mode</source>
        <translation>Qué hacer en este modo</translation>
    </message>
    <message>
        <source>Show or hide the guide line</source>
        <translation>Mostrar u ocultar la línea de ayuda</translation>
    </message>
    <message>
        <source>&amp;Mode</source>
        <translation>&amp;Modo</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>Pantalla &amp;completa</translation>
    </message>
    <message>
        <source>Present the chart on the whole screen</source>
        <translation>Presentar el mapa en toda la pantalla</translation>
    </message>
    <message>
        <source>Next trigger point</source>
        <translation>Siguiente punto gatillo</translation>
    </message>
    <message>
        <source>Show the next trigger point&apos;s zones</source>
        <translation>Mostrar las zonas del siguiente punto gatillo</translation>
    </message>
    <message>
        <source>Previous trigger point</source>
        <translation>Punto gatillo anterior</translation>
    </message>
    <message>
        <source>Show the previous trigger point&apos;s zones</source>
        <translation>Mostrar las zonas del punto gatillo anterior</translation>
    </message>
    <message>
        <source>&amp;Reveal</source>
        <translation>Mo&amp;strar</translation>
    </message>
    <message>
        <source>Quiz: show the pattern, difference and score</source>
        <translation>Prueba: mostrar el patrón, la diferencia y la puntuación</translation>
    </message>
    <message>
        <source>Hide again</source>
        <translation>Volver a ocultar</translation>
    </message>
    <message>
        <source>Quiz: hide the pattern and numbers again</source>
        <translation>Prueba: volver a ocultar el patrón y los números</translation>
    </message>
    <message>
        <source>which signs?</source>
        <translation>¿qué señales?</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Show the pattern, the difference and the score (Ctrl+Return)</source>
        <translation>Mostrar el patrón, la diferencia y la puntuación (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>Coverage by body zone</source>
        <translation>Cobertura por zona del cuerpo</translation>
    </message>
    <message>
        <source>{pattern} — {side}</source>
        <translation>{pattern} — {side}</translation>
    </message>
    <message>
        <source>Show &amp;pattern</source>
        <translation>Mostrar &amp;patrón</translation>
    </message>
    <message>
        <source>Show the chosen pattern over the chart</source>
        <translation>Mostrar el patrón elegido sobre el mapa</translation>
    </message>
    <message>
        <source>Show &amp;difference</source>
        <translation>Mostrar &amp;diferencia</translation>
    </message>
    <message>
        <source>Colour matched, missed and extra areas of the drawing</source>
        <translation>Colorear las zonas del dibujo que coinciden, que faltan y que sobran</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Siguiente patrón parecido</translation>
    </message>
    <message>
        <source>Show the next pattern of the ranked list</source>
        <translation>Mostrar el siguiente patrón de la lista</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Patrón parecido anterior</translation>
    </message>
    <message>
        <source>Show the previous pattern of the ranked list</source>
        <translation>Mostrar el patrón anterior de la lista</translation>
    </message>
    <message>
        <source>{covered_label}: {covered} · {outside_label}: {outside}</source>
        <translation>{covered_label}: {covered} · {outside_label}: {outside}</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>Patrón</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Parecidos</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Comparación</translation>
    </message>
    <message>
        <source>About this pattern</source>
        <translation>Sobre este patrón</translation>
    </message>
    <message>
        <source>Show or hide the Pattern panel</source>
        <translation>Mostrar u ocultar el panel Patrón</translation>
    </message>
    <message>
        <source>Show or hide the Matches panel</source>
        <translation>Mostrar u ocultar el panel Parecidos</translation>
    </message>
    <message>
        <source>Show or hide the Comparison panel</source>
        <translation>Mostrar u ocultar el panel Comparación</translation>
    </message>
    <message>
        <source>Show or hide the About this pattern panel</source>
        <translation>Mostrar u ocultar el panel Sobre este patrón</translation>
    </message>
    <message>
        <source>The {panel} panel; scroll for more</source>
        <translation>El panel {panel}; desplázate para ver más</translation>
    </message>
    <message>
        <source>Pa&amp;nels</source>
        <translation>Pa&amp;neles</translation>
    </message>
    <message>
        <source>About the chosen pattern; facts and sources come from the pattern library</source>
        <translation>Sobre el patrón elegido; los datos y las fuentes vienen de la biblioteca de patrones</translation>
    </message>
    <message>
        <source>About the chosen pattern</source>
        <translation>Sobre el patrón elegido</translation>
    </message>
    <message>
        <source>Solid red: main (essential) zone · red dots: spillover zone · X: trigger point</source>
        <translation>Rojo liso: zona principal (esencial) · puntos rojos: zona de derrame · X: punto gatillo</translation>
    </message>
    <message>
        <source>Difference: green = in drawing and pattern, orange lines = pattern only, purple cross-hatch = drawing only</source>
        <translation>Diferencia: verde = en el dibujo y en el patrón, rayas naranjas = solo en el patrón, cuadrícula morada = solo en el dibujo</translation>
    </message>
    <message>
        <source>The referral pattern to show over the body chart (PgUp / PgDn)</source>
        <translation>El patrón de dolor referido que se muestra sobre el mapa del cuerpo (RePág / AvPág)</translation>
    </message>
    <message>
        <source>Show the pattern on the side your drawing matches best, on one side, or both</source>
        <translation>Mostrar el patrón en el lado que mejor encaja con tu dibujo, en un lado o en los dos</translation>
    </message>
    <message>
        <source>Show the zones of all trigger points or of one (← / → in educator mode)</source>
        <translation>Mostrar las zonas de todos los puntos gatillo o de uno (← / → en el modo docente)</translation>
    </message>
    <message>
        <source>Previous trigger point (←)</source>
        <translation>Punto gatillo anterior (←)</translation>
    </message>
    <message>
        <source>Next trigger point (→)</source>
        <translation>Siguiente punto gatillo (→)</translation>
    </message>
    <message>
        <source>How strongly the pattern covers the chart and your drawing</source>
        <translation>Con qué intensidad tapa el patrón el mapa y tu dibujo</translation>
    </message>
    <message>
        <source>Show pattern</source>
        <translation>Mostrar patrón</translation>
    </message>
    <message>
        <source>Show or hide the pattern over the chart (Ctrl+Shift+P)</source>
        <translation>Mostrar u ocultar el patrón sobre el mapa (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>Show difference</source>
        <translation>Mostrar diferencia</translation>
    </message>
    <message>
        <source>Colour matched, missed and extra areas of your drawing (Ctrl+Shift+D)</source>
        <translation>Colorear las zonas de tu dibujo que coinciden, que faltan y que sobran (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Lado</translation>
    </message>
    <message>
        <source>Trigger point</source>
        <translation>Punto gatillo</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Opacidad</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>How alike</source>
        <translation>Parecido</translation>
    </message>
    <message>
        <source>All patterns, most alike first. Choose a row to show that pattern on the chart.</source>
        <translation>Todos los patrones, primero los más parecidos. Elige una fila para ver ese patrón en el mapa.</translation>
    </message>
    <message>
        <source>How the chosen pattern compares with your drawing</source>
        <translation>Cómo se compara el patrón elegido con tu dibujo</translation>
    </message>
    <message>
        <source>Per body zone: how much of the pattern&apos;s area there your drawing covers</source>
        <translation>Por zona del cuerpo: cuánto de la zona del patrón cubre ahí tu dibujo</translation>
    </message>
    <message>
        <source>Back view</source>
        <translation>Vista de espalda</translation>
    </message>
    <message>
        <source>Front view</source>
        <translation>Vista de frente</translation>
    </message>
    <message>
        <source>Right side view</source>
        <translation>Vista lateral derecha</translation>
    </message>
    <message>
        <source>Left side view</source>
        <translation>Vista lateral izquierda</translation>
    </message>
    <message>
        <source>{title} view</source>
        <translation>Vista {title}</translation>
    </message>
    <message>
        <source>Colour of each pain intensity, 1 (light) to 10 (dark); click one to choose it</source>
        <translation>Color de cada intensidad del dolor, de 1 (claro) a 10 (oscuro); haz clic en uno para elegirlo</translation>
    </message>
    <message>
        <source>Pain intensity</source>
        <translation>Intensidad del dolor</translation>
    </message>
    <message>
        <source>Colour of each pain intensity, 1 (light) to 10 (dark); the left and right arrow keys choose one</source>
        <translation>Color de cada intensidad del dolor, de 1 (claro) a 10 (oscuro); las flechas izquierda y derecha eligen una</translation>
    </message>
    <message>
        <source>Show the {view}</source>
        <translation>Mostrar: {view}</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Acercar</translation>
    </message>
    <message>
        <source>Show the body larger</source>
        <translation>Mostrar el cuerpo más grande</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Alejar</translation>
    </message>
    <message>
        <source>Show more of the body</source>
        <translation>Mostrar más parte del cuerpo</translation>
    </message>
    <message>
        <source>Whole body</source>
        <translation>Cuerpo entero</translation>
    </message>
    <message>
        <source>Fit the whole body in the window</source>
        <translation>Ajustar todo el cuerpo a la ventana</translation>
    </message>
    <message>
        <source>Lower back and pelvis</source>
        <translation>Zona lumbar y pelvis</translation>
    </message>
    <message>
        <source>Zoom onto the lower back and pelvis</source>
        <translation>Acercar a la zona lumbar y la pelvis</translation>
    </message>
    <message>
        <source>Life size (100 %)</source>
        <translation>Tamaño real (100 %)</translation>
    </message>
    <message>
        <source>Show the body at life size</source>
        <translation>Mostrar el cuerpo a tamaño real</translation>
    </message>
    <message>
        <source>Landmark labels</source>
        <translation>Nombres de referencias</translation>
    </message>
    <message>
        <source>Show or hide the bony landmarks</source>
        <translation>Mostrar u ocultar las referencias óseas</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Cuerpo</translation>
    </message>
    <message>
        <source>Pelvis</source>
        <translation>Pelvis</translation>
    </message>
    <message>
        <source>Landmarks</source>
        <translation>Referencias</translation>
    </message>
    <message>
        <source>&amp;Brush</source>
        <translation>&amp;Pincel</translation>
    </message>
    <message>
        <source>Paint where it hurts (left-drag)</source>
        <translation>Pinta donde duele (arrastrar con el botón izquierdo)</translation>
    </message>
    <message>
        <source>&amp;Eraser</source>
        <translation>&amp;Borrador</translation>
    </message>
    <message>
        <source>Erase painted pain</source>
        <translation>Borrar el dolor pintado</translation>
    </message>
    <message>
        <source>&amp;Fill region</source>
        <translation>&amp;Rellenar región</translation>
    </message>
    <message>
        <source>Click a body region to fill it (the region lights up first)</source>
        <translation>Haz clic en una región del cuerpo para rellenarla (antes se ilumina)</translation>
    </message>
    <message>
        <source>&amp;Lasso</source>
        <translation>&amp;Lazo</translation>
    </message>
    <message>
        <source>Circle where it hurts: drag a closed outline, what it encloses is filled</source>
        <translation>Rodea donde duele: arrastra un contorno cerrado y se rellena lo que queda dentro</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>Rellenar</translation>
    </message>
    <message>
        <source>Smaller brush</source>
        <translation>Pincel más pequeño</translation>
    </message>
    <message>
        <source>Make the brush smaller</source>
        <translation>Hacer el pincel más pequeño</translation>
    </message>
    <message>
        <source>Bigger brush</source>
        <translation>Pincel más grande</translation>
    </message>
    <message>
        <source>Make the brush bigger</source>
        <translation>Hacer el pincel más grande</translation>
    </message>
    <message>
        <source>Less intense</source>
        <translation>Menos intenso</translation>
    </message>
    <message>
        <source>Lower the pain intensity of the next marks</source>
        <translation>Bajar la intensidad del dolor de las próximas marcas</translation>
    </message>
    <message>
        <source>More intense</source>
        <translation>Más intenso</translation>
    </message>
    <message>
        <source>Raise the pain intensity of the next marks</source>
        <translation>Subir la intensidad del dolor de las próximas marcas</translation>
    </message>
    <message>
        <source>Brush</source>
        <translation>Pincel</translation>
    </message>
    <message>
        <source>Brush size: its diameter in mm of the body ([ and ] change it)</source>
        <translation>Tamaño del pincel: su diámetro en mm del cuerpo ([ y ] lo cambian)</translation>
    </message>
    <message>
        <source>Brush size</source>
        <translation>Tamaño del pincel</translation>
    </message>
    <message>
        <source>What the pain feels like</source>
        <translation>Cómo se siente el dolor</translation>
    </message>
    <message>
        <source>Feels (what the pain feels like)</source>
        <translation>Se siente (cómo se siente el dolor)</translation>
    </message>
    <message>
        <source> Size </source>
        <translation> Tamaño </translation>
    </message>
    <message>
        <source>Pain intensity from 1 (mild) to 10 (worst imaginable); , and . change it</source>
        <translation>Intensidad del dolor de 1 (leve) a 10 (el peor imaginable); , y . la cambian</translation>
    </message>
    <message>
        <source> Feels </source>
        <translation> Se siente </translation>
    </message>
    <message>
        <source> Intensity {value} </source>
        <translation> Intensidad {value} </translation>
    </message>
    <message>
        <source>Body chart</source>
        <translation>Mapa del cuerpo</translation>
    </message>
    <message>
        <source>The body chart of the view shown: paint where it hurts. Without a mouse: the arrow keys move the keyboard brush, hold Space to paint, Ctrl+F fills a region by its name.</source>
        <translation>El mapa del cuerpo de la vista mostrada: pinta donde duele. Sin ratón: las flechas mueven el pincel de teclado, mantén pulsado Espacio para pintar, Ctrl+F rellena una región por su nombre.</translation>
    </message>
    <message>
        <source>New, open, save and export drawings</source>
        <translation>Nuevo, abrir, guardar y exportar dibujos</translation>
    </message>
    <message>
        <source>Undo, redo, clear, fill a region by name, the drawing&apos;s note</source>
        <translation>Deshacer, rehacer, vaciar, rellenar una región por su nombre, la nota del dibujo</translation>
    </message>
    <message>
        <source>Views of the body, zoom, landmark labels and panels</source>
        <translation>Vistas del cuerpo, zoom, nombres de referencias y paneles</translation>
    </message>
    <message>
        <source>Brush, eraser, fill, lasso, brush size and intensity, the keyboard brush</source>
        <translation>Pincel, borrador, relleno, lazo, tamaño e intensidad del pincel, pincel de teclado</translation>
    </message>
    <message>
        <source>Patient, educator or quiz mode</source>
        <translation>Modo paciente, docente o prueba</translation>
    </message>
    <message>
        <source>Keyboard shortcuts, where drawings are kept, about painmap</source>
        <translation>Atajos de teclado, dónde se guardan los dibujos, acerca de painmap</translation>
    </message>
    <message>
        <source>Drawings opened lately</source>
        <translation>Dibujos abiertos últimamente</translation>
    </message>
    <message>
        <source>Show or hide each panel</source>
        <translation>Mostrar u ocultar cada panel</translation>
    </message>
    <message>
        <source>The {menu} menu</source>
        <translation>El menú {menu}</translation>
    </message>
    <message>
        <source>Show or hide the {toolbar} toolbar</source>
        <translation>Mostrar u ocultar la barra {toolbar}</translation>
    </message>
    <message>
        <source>{toolbar} toolbar</source>
        <translation>Barra {toolbar}</translation>
    </message>
    <message>
        <source>&amp;Keyboard brush</source>
        <translation>Pincel de &amp;teclado</translation>
    </message>
    <message>
        <source>Move the brush with the arrow keys (Shift: bigger steps) and hold Space to paint</source>
        <translation>Mueve el pincel con las flechas (Mayús: pasos más grandes) y mantén pulsado Espacio para pintar</translation>
    </message>
    <message>
        <source>Fill a region</source>
        <translation>Rellenar una región</translation>
    </message>
    <message>
        <source>Type part of a body region&apos;s name, choose it and press Enter to fill it</source>
        <translation>Escribe parte del nombre de una región del cuerpo, elígela y pulsa Intro para rellenarla</translation>
    </message>
    <message>
        <source>Type part of the region&apos;s name, then press Enter to fill it:</source>
        <translation>Escribe parte del nombre de la región y pulsa Intro para rellenarla:</translation>
    </message>
    <message>
        <source>for example: buttock</source>
        <translation>por ejemplo: nalga</translation>
    </message>
    <message>
        <source>Region name</source>
        <translation>Nombre de la región</translation>
    </message>
    <message>
        <source>Part of a region&apos;s name; the list below shows the regions that match</source>
        <translation>Parte del nombre de una región; la lista de abajo muestra las regiones que coinciden</translation>
    </message>
    <message>
        <source>Matching regions</source>
        <translation>Regiones que coinciden</translation>
    </message>
    <message>
        <source>Regions of the view shown whose name matches; Enter fills the chosen one</source>
        <translation>Regiones de la vista mostrada cuyo nombre coincide; Intro rellena la elegida</translation>
    </message>
    <message>
        <source>Close without filling</source>
        <translation>Cerrar sin rellenar</translation>
    </message>
    <message>
        <source>&amp;Fill</source>
        <translation>&amp;Rellenar</translation>
    </message>
    <message>
        <source>Fill the chosen region with the brush&apos;s intensity</source>
        <translation>Rellenar la región elegida con la intensidad del pincel</translation>
    </message>
    <message>
        <source>No region of this view has that name.</source>
        <translation>Ninguna región de esta vista tiene ese nombre.</translation>
    </message>
    <message>
        <source> mm</source>
        <translation> mm</translation>
    </message>
    <message>
        <source>&amp;Anatomy</source>
        <translation>&amp;Anatomía</translation>
    </message>
    <message>
        <source>&amp;Body of new drawings:</source>
        <translation>&amp;Cuerpo de los dibujos nuevos:</translation>
    </message>
    <message>
        <source>&amp;Bones</source>
        <translation>&amp;Huesos</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>&amp;Mode a window opens in:</source>
        <translation>&amp;Modo al abrir una ventana:</translation>
    </message>
    <message>
        <source>&amp;Muscles</source>
        <translation>&amp;Músculos</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferencias…</translation>
    </message>
    <message>
        <source>&amp;Reset to defaults</source>
        <translation>&amp;Restablecer valores predeterminados</translation>
    </message>
    <message>
        <source>&amp;Skin</source>
        <translation>&amp;Piel</translation>
    </message>
    <message>
        <source>(the original is kept as {name})</source>
        <translation>(el original se guarda como {name})</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Anatomy data&lt;/h3&gt;&lt;p&gt;The anatomical body charts (skin, bones and muscles, male and female) are made from:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Andreassen TE, Hume DR, Hamilton LD, Walker KE, Higinbotham SE, Shelburne KB. Three-dimensional lower extremity musculoskeletal geometry of the Visible Human Female and Male. &lt;i&gt;Scientific Data&lt;/i&gt; (2022), https://doi.org/10.1038/s41597-022-01905-2; dataset https://doi.org/10.56902/COB.vh.2022.0 (University of Denver, Center for Orthopaedic Biomechanics), and Andreassen TE et al., An Automated Process for 2D and 3D Finite Element Overclosure and Gap Adjustment using Radial Basis Function Networks, arXiv 2022, https://doi.org/10.48550/arXiv.2209.06948;&lt;/li&gt;&lt;li&gt;Browne K, Schlehlein H, Herr BW II, Quardokus E, Bueckle A, Börner K. 2022. &lt;i&gt;HuBMAP CCF 3D Reference Object Library&lt;/i&gt; (the Human Reference Atlas: skin, pelvis, knee), https://humanatlas.io/3d-reference-library;&lt;/li&gt;&lt;li&gt;both created from the Visible Human Project® data of the U.S. National Library of Medicine.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Licence: Creative Commons Attribution 4.0 (CC BY 4.0, https://creativecommons.org/licenses/by/4.0/). Modified by painmap: converted, registered, deformed, decimated and drawn as 2-D views; not endorsed by the licensors.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Datos anatómicos&lt;/h3&gt;&lt;p&gt;Los mapas anatómicos del cuerpo (piel, huesos y músculos, de hombre y de mujer) están hechos a partir de:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Andreassen TE, Hume DR, Hamilton LD, Walker KE, Higinbotham SE, Shelburne KB. Three-dimensional lower extremity musculoskeletal geometry of the Visible Human Female and Male. &lt;i&gt;Scientific Data&lt;/i&gt; (2022), https://doi.org/10.1038/s41597-022-01905-2; conjunto de datos https://doi.org/10.56902/COB.vh.2022.0 (University of Denver, Center for Orthopaedic Biomechanics), y Andreassen TE et al., An Automated Process for 2D and 3D Finite Element Overclosure and Gap Adjustment using Radial Basis Function Networks, arXiv 2022, https://doi.org/10.48550/arXiv.2209.06948;&lt;/li&gt;&lt;li&gt;Browne K, Schlehlein H, Herr BW II, Quardokus E, Bueckle A, Börner K. 2022. &lt;i&gt;HuBMAP CCF 3D Reference Object Library&lt;/i&gt; (el Human Reference Atlas: piel, pelvis, rodilla), https://humanatlas.io/3d-reference-library;&lt;/li&gt;&lt;li&gt;ambos creados a partir de los datos del Visible Human Project® de la National Library of Medicine de EE. UU.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Licencia: Creative Commons Reconocimiento 4.0 (CC BY 4.0, https://creativecommons.org/licenses/by/4.0/). Modificados por painmap: convertidos, registrados, deformados, simplificados y dibujados como vistas 2-D; los licenciantes no respaldan este uso.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Add pattern library &amp;folder…</source>
        <translation>Añadir carpeta de &amp;biblioteca de patrones…</translation>
    </message>
    <message>
        <source>Add pattern library folder</source>
        <translation>Añadir carpeta de biblioteca de patrones</translation>
    </message>
    <message>
        <source>Add the patterns of a folder written by painmap learn</source>
        <translation>Añadir los patrones de una carpeta escrita por painmap learn</translation>
    </message>
    <message>
        <source>Automatic (the system&apos;s language)</source>
        <translation>Automático (el idioma del sistema)</translation>
    </message>
    <message>
        <source>Body of new drawings</source>
        <translation>Cuerpo de los dibujos nuevos</translation>
    </message>
    <message>
        <source>Could not export the picture</source>
        <translation>No se ha podido exportar la imagen</translation>
    </message>
    <message>
        <source>Default &amp;brush size:</source>
        <translation>Tamaño del &amp;pincel predeterminado:</translation>
    </message>
    <message>
        <source>Default brush size (diameter)</source>
        <translation>Tamaño del pincel predeterminado (diámetro)</translation>
    </message>
    <message>
        <source>Export a picture</source>
        <translation>Exportar una imagen</translation>
    </message>
    <message>
        <source>Exported {what} to {path}</source>
        <translation>Exportado {what} a {path}</translation>
    </message>
    <message>
        <source>Female body</source>
        <translation>Cuerpo de mujer</translation>
    </message>
    <message>
        <source>It holds no pattern folders (each needs a pattern.toml), e.g. from painmap learn.</source>
        <translation>No contiene carpetas de patrones (cada una necesita un pattern.toml), p. ej. de painmap learn.</translation>
    </message>
    <message>
        <source>It is not a folder (or it cannot be read).</source>
        <translation>No es una carpeta (o no se puede leer).</translation>
    </message>
    <message>
        <source>Landmark labels:</source>
        <translation>Nombres de referencias:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Language, body, brush size, mode, labels</source>
        <translation>Idioma, cuerpo, tamaño del pincel, modo, nombres</translation>
    </message>
    <message>
        <source>Library folder:</source>
        <translation>Carpeta de biblioteca:</translation>
    </message>
    <message>
        <source>Male body</source>
        <translation>Cuerpo de hombre</translation>
    </message>
    <message>
        <source>Mode a window opens in</source>
        <translation>Modo al abrir una ventana</translation>
    </message>
    <message>
        <source>New &amp;drawing on</source>
        <translation>Nuevo &amp;dibujo en</translation>
    </message>
    <message>
        <source>No pattern could be loaded from {folder}.</source>
        <translation>No se ha podido cargar ningún patrón de {folder}.</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <source>Remove library folder</source>
        <translation>Quitar carpeta de biblioteca</translation>
    </message>
    <message>
        <source>Remove library folder…</source>
        <translation>Quitar carpeta de biblioteca…</translation>
    </message>
    <message>
        <source>Reports and pictures use it at once; the window&apos;s own texts change the next time painmap starts.</source>
        <translation>Los informes y las imágenes lo usan enseguida; los textos de la ventana cambian la próxima vez que se abra painmap.</translation>
    </message>
    <message>
        <source>Save a figure of what the chart shows (PNG, PDF or SVG)</source>
        <translation>Guardar una figura de lo que muestra el mapa (PNG, PDF o SVG)</translation>
    </message>
    <message>
        <source>Save and &amp;keep the original</source>
        <translation>Guardar y &amp;conservar el original</translation>
    </message>
    <message>
        <source>Saving on the current chart</source>
        <translation>Guardar en el mapa actual</translation>
    </message>
    <message>
        <source>Show the hip and thigh muscles</source>
        <translation>Mostrar los músculos de la cadera y del muslo</translation>
    </message>
    <message>
        <source>Show the names of the bony landmarks</source>
        <translation>Mostrar los nombres de las referencias óseas</translation>
    </message>
    <message>
        <source>Show the pelvis, the lumbar spine and the leg bones</source>
        <translation>Mostrar la pelvis, la columna lumbar y los huesos de la pierna</translation>
    </message>
    <message>
        <source>Show the skin&apos;s shading (off: only the body&apos;s outline)</source>
        <translation>Mostrar el sombreado de la piel (sin él: solo el contorno del cuerpo)</translation>
    </message>
    <message>
        <source>Start a new, empty drawing on the {body}</source>
        <translation>Empezar un dibujo nuevo, vacío, en el {body}</translation>
    </message>
    <message>
        <source>Stop using the patterns of an added folder</source>
        <translation>Dejar de usar los patrones de una carpeta añadida</translation>
    </message>
    <message>
        <source>The body chart a new drawing starts on; File ▸ New drawing can choose either</source>
        <translation>El mapa del cuerpo en el que empieza un dibujo nuevo; Archivo ▸ Nuevo dibujo puede elegir cualquiera de los dos</translation>
    </message>
    <message>
        <source>The body chart this drawing is on</source>
        <translation>El mapa del cuerpo de este dibujo</translation>
    </message>
    <message>
        <source>The bones and muscles under the pointer</source>
        <translation>Los huesos y músculos bajo el puntero</translation>
    </message>
    <message>
        <source>The brush&apos;s diameter when a window opens</source>
        <translation>El diámetro del pincel al abrir una ventana</translation>
    </message>
    <message>
        <source>This drawing was made on an older chart; saving writes it on the current chart. Keep the original beside it?</source>
        <translation>Este dibujo se hizo en un mapa anterior; al guardarlo se escribe en el mapa actual. ¿Conservar el original al lado?</translation>
    </message>
    <message>
        <source>Writing {name}…</source>
        <translation>Escribiendo {name}…</translation>
    </message>
    <message>
        <source>the drawing</source>
        <translation>el dibujo</translation>
    </message>
    <message>
        <source>the empty body chart</source>
        <translation>el mapa del cuerpo vacío</translation>
    </message>
    <message>
        <source>the slide of {name}</source>
        <translation>la diapositiva de {name}</translation>
    </message>
    <message>
        <source>{id}: a pattern with this id is already loaded; rename it</source>
        <translation>{id}: ya hay cargado un patrón con este id; cámbiale el nombre</translation>
    </message>
    <message>
        <source>{top} over {under}</source>
        <translation>{top} sobre {under}</translation>
    </message>
    <message>
        <source>Start a new, empty drawing on the body chosen in Preferences</source>
        <translation>Empezar un dibujo nuevo, vacío, en el cuerpo elegido en Preferencias</translation>
    </message>
</context>
</TS>
