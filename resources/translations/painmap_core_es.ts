<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Colour in where you feel pain — the list on the right shows which patterns look most alike.</source>
        <translation>Colorea donde sientes dolor; la lista de la derecha muestra qué patrones se parecen más.</translation>
    </message>
    <message>
        <source>Pick a pattern to present. ←/→ step through its trigger points, F11 toggles full screen.</source>
        <translation>Elige un patrón para presentarlo. ←/→ recorren sus puntos gatillo, F11 activa o quita la pantalla completa.</translation>
    </message>
    <message>
        <source>Shade the pattern named below from memory, then press Reveal to compare.</source>
        <translation>Sombrea de memoria el patrón indicado abajo y pulsa Mostrar para comparar.</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Educator</source>
        <translation>Docente</translation>
    </message>
    <message>
        <source>Quiz</source>
        <translation>Prueba</translation>
    </message>
    <message>
        <source>Large, simple controls: shade your pain and see similar patterns</source>
        <translation>Controles grandes y sencillos: sombrea tu dolor y mira los patrones parecidos</translation>
    </message>
    <message>
        <source>Present patterns: trigger points one by one, large landmark labels, full screen</source>
        <translation>Presentar patrones: los puntos gatillo uno a uno, nombres de referencias grandes, pantalla completa</translation>
    </message>
    <message>
        <source>The pattern is hidden: shade it from memory, then reveal the difference and the score</source>
        <translation>El patrón está oculto: sombréalo de memoria y después muestra la diferencia y la puntuación</translation>
    </message>
    <message>
        <source>One number from 0 to 100 % that ranks the patterns; the essential zone counts more than spillover</source>
        <translation>Un número de 0 a 100 % que ordena los patrones; la zona esencial cuenta más que la de derrame</translation>
    </message>
    <message>
        <source>Share of the pattern&apos;s essential (solid red) zone that your drawing covers</source>
        <translation>Parte de la zona esencial del patrón (rojo liso) que cubre tu dibujo</translation>
    </message>
    <message>
        <source>Share of the pattern&apos;s sometimes-also-here (stippled) zone that your drawing covers</source>
        <translation>Parte de la zona “a veces también aquí” del patrón (punteada) que cubre tu dibujo</translation>
    </message>
    <message>
        <source>Share of your drawing that lies outside the pattern altogether</source>
        <translation>Parte de tu dibujo que queda fuera del patrón</translation>
    </message>
    <message>
        <source>left</source>
        <translation>izquierdo</translation>
    </message>
    <message>
        <source>right</source>
        <translation>derecho</translation>
    </message>
    <message>
        <source>both sides</source>
        <translation>ambos lados</translation>
    </message>
    <message>
        <source>Side found</source>
        <translation>Lado encontrado</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Derecho</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Izquierdo</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Ambos</translation>
    </message>
    <message>
        <source>Nothing shaded yet.</source>
        <translation>Todavía no hay nada sombreado.</translation>
    </message>
    <message>
        <source>Show a pattern</source>
        <translation>Mostrar un patrón</translation>
    </message>
    <message>
        <source>Show pattern</source>
        <translation>Mostrar patrón</translation>
    </message>
    <message>
        <source>Shade where you feel pain; the list then shows which patterns look alike.</source>
        <translation>Sombrea donde sientes dolor; entonces la lista muestra qué patrones se parecen.</translation>
    </message>
    <message>
        <source>Loading the patterns…</source>
        <translation>Cargando los patrones…</translation>
    </message>
    <message>
        <source>No patterns loaded.</source>
        <translation>No hay patrones cargados.</translation>
    </message>
    <message>
        <source>Hidden until you press Reveal.</source>
        <translation>Oculto hasta que pulses Mostrar.</translation>
    </message>
    <message>
        <source>Draw from memory: {name}</source>
        <translation>Dibuja de memoria: {name}</translation>
    </message>
    <message>
        <source>What the muscle does:</source>
        <translation>Qué hace el músculo:</translation>
    </message>
    <message>
        <source>What the joint does:</source>
        <translation>Qué hace la articulación:</translation>
    </message>
    <message>
        <source>Nerve supply:</source>
        <translation>Inervación:</translation>
    </message>
    <message>
        <source>Trigger points (X)</source>
        <translation>Puntos gatillo (X)</translation>
    </message>
    <message>
        <source>What tends to make it worse</source>
        <translation>Qué suele empeorarlo</translation>
    </message>
    <message>
        <source>What can keep it going</source>
        <translation>Qué puede mantenerlo</translation>
    </message>
    <message>
        <source>What an examiner checks</source>
        <translation>Qué comprueba quien explora</translation>
    </message>
    <message>
        <source>Look-alikes (muscles and conditions with a similar pattern)</source>
        <translation>Parecidos (músculos y problemas con un patrón similar)</translation>
    </message>
    <message>
        <source>Self-care often suggested</source>
        <translation>Autocuidado que se suele aconsejar</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Fuentes</translation>
    </message>
    <message>
        <source>For information and teaching only: this does not diagnose anything or recommend a treatment.</source>
        <translation>Solo para informar y enseñar: no diagnostica nada ni recomienda ningún tratamiento.</translation>
    </message>
    <message>
        <source>About this comparison</source>
        <translation>Sobre esta comparación</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Espalda</translation>
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
        <source>Front</source>
        <translation>Delante</translation>
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
        <source>Anatomy: Visible Human Project (NLM); HuBMAP HRA; Andreassen et al. 2022, CC BY 4.0</source>
        <translation>Anatomía: Visible Human Project (NLM); HuBMAP HRA; Andreassen et al. 2022, CC BY 4.0</translation>
    </message>
    <message>
        <source>matched (in drawing and pattern)</source>
        <translation>coincide (en el dibujo y en el patrón)</translation>
    </message>
    <message>
        <source>missed (pattern only)</source>
        <translation>falta (solo en el patrón)</translation>
    </message>
    <message>
        <source>extra (drawing only)</source>
        <translation>de más (solo en el dibujo)</translation>
    </message>
    <message>
        <source>essential zone (solid)</source>
        <translation>zona esencial (lisa)</translation>
    </message>
    <message>
        <source>spillover zone (stippled)</source>
        <translation>zona de derrame (punteada)</translation>
    </message>
    <message>
        <source>bony landmark</source>
        <translation>referencia ósea</translation>
    </message>
    <message>
        <source>X = trigger point</source>
        <translation>X = punto gatillo</translation>
    </message>
    <message>
        <source>% = share of patients with pain there</source>
        <translation>% = parte de los pacientes con dolor ahí</translation>
    </message>
    <message>
        <source>Pain drawing report</source>
        <translation>Informe del dibujo del dolor</translation>
    </message>
    <message>
        <source>Pain intensity: 1 (mild) to 10 (worst)</source>
        <translation>Intensidad del dolor: de 1 (leve) a 10 (el peor)</translation>
    </message>
    <message>
        <source>Page 1 of 2 · technical details for clinicians on page 2</source>
        <translation>Página 1 de 2 · detalles técnicos para profesionales en la página 2</translation>
    </message>
    <message>
        <source>Your drawing · {view}</source>
        <translation>Tu dibujo · {view}</translation>
    </message>
    <message>
        <source>About this drawing</source>
        <translation>Sobre este dibujo</translation>
    </message>
    <message>
        <source>Your note: “{note}”</source>
        <translation>Tu nota: «{note}»</translation>
    </message>
    <message>
        <source>Your note: none written.</source>
        <translation>Tu nota: no has escrito ninguna.</translation>
    </message>
    <message>
        <source>Shaded: {percent} % of the body chart ({per_view}).</source>
        <translation>Sombreado: {percent} % del mapa del cuerpo ({per_view}).</translation>
    </message>
    <message>
        <source>Nothing is shaded yet.</source>
        <translation>Todavía no hay nada sombreado.</translation>
    </message>
    <message>
        <source>Which textbook patterns look most alike</source>
        <translation>Qué patrones de los libros se parecen más</translation>
    </message>
    <message>
        <source>“How alike” ranks the patterns from 0 to 100 %; the main pain area counts more than the areas where pain is only sometimes felt. Even the same person&apos;s two drawings of one pain reach only about 60-75 %.</source>
        <translation>«Parecido» ordena los patrones de 0 a 100 %; la zona principal de dolor cuenta más que las zonas donde el dolor solo se siente a veces. Incluso dos dibujos de un mismo dolor hechos por la misma persona solo llegan a un 60-75 %.</translation>
    </message>
    <message>
        <source>Sources: {sources}</source>
        <translation>Fuentes: {sources}</translation>
    </message>
    <message>
        <source>Words on the chart</source>
        <translation>Palabras del mapa</translation>
    </message>
    <message>
        <source>{count} of {total} drawings</source>
        <translation>{count} de {total} dibujos</translation>
    </message>
    <message>
        <source>scale up to the cohort&apos;s maximum, {percent} %</source>
        <translation>escala hasta el máximo del grupo, {percent} %</translation>
    </message>
    <message>
        <source>full scale</source>
        <translation>escala completa</translation>
    </message>
    <message>
        <source>scale up to {percent} %</source>
        <translation>escala hasta {percent} %</translation>
    </message>
    <message>
        <source>% of drawings with pain at this point ({scale})</source>
        <translation>% de dibujos con dolor en este punto ({scale})</translation>
    </message>
    <message>
        <source>Pain frequency map · 1 drawing</source>
        <translation>Mapa de frecuencia del dolor · 1 dibujo</translation>
    </message>
    <message>
        <source>Pain frequency map · {count} drawings</source>
        <translation>Mapa de frecuencia del dolor · {count} dibujos</translation>
    </message>
    <message>
        <source>outline: {name} (solid essential, dashed spillover, both sides)</source>
        <translation>contorno: {name} (continuo la esencial, discontinuo la de derrame, ambos lados)</translation>
    </message>
    <message>
        <source>1 file skipped (unreadable)</source>
        <translation>1 archivo omitido (ilegible)</translation>
    </message>
    <message>
        <source>{count} files skipped (unreadable)</source>
        <translation>{count} archivos omitidos (ilegibles)</translation>
    </message>
    <message>
        <source>stopped early: partial result</source>
        <translation>detenido antes de acabar: resultado parcial</translation>
    </message>
    <message>
        <source>Shows where people drew pain, not why.</source>
        <translation>Muestra dónde dibujaron dolor las personas, no por qué.</translation>
    </message>
    <message>
        <source>Pain frequency map</source>
        <translation>Mapa de frecuencia del dolor</translation>
    </message>
    <message>
        <source>pattern</source>
        <translation>patrón</translation>
    </message>
    <message>
        <source>side</source>
        <translation>lado</translation>
    </message>
    <message>
        <source>score</source>
        <translation>puntuación</translation>
    </message>
    <message>
        <source>essential</source>
        <translation>esencial</translation>
    </message>
    <message>
        <source>spillover</source>
        <translation>derrame</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>precisión</translation>
    </message>
    <message>
        <source>outside</source>
        <translation>fuera</translation>
    </message>
    <message>
        <source>Every score is 0.</source>
        <translation>Todas las puntuaciones son 0.</translation>
    </message>
    <message>
        <source>Closest pattern: {name}, {side}: the drawing against its zones on each view drawn on.</source>
        <translation>Patrón más parecido: {name}, {side}: el dibujo frente a sus zonas en cada vista dibujada.</translation>
    </message>
    <message>
        <source>Page 2 of 2 · metric definitions: docs/metrics.md</source>
        <translation>Página 2 de 2 · definición de las medidas: docs/metrics.md</translation>
    </message>
    <message>
        <source>pattern outline: main pain area (essential)</source>
        <translation>contorno del patrón: zona principal de dolor (esencial)</translation>
    </message>
    <message>
        <source>sometimes also here (spillover)</source>
        <translation>a veces también aquí (derrame)</translation>
    </message>
    <message>
        <source>Metrics of the closest pattern</source>
        <translation>Medidas del patrón más parecido</translation>
    </message>
    <message>
        <source>None: no pattern overlaps the drawing.</source>
        <translation>Ninguna: ningún patrón se solapa con el dibujo.</translation>
    </message>
    <message>
        <source>{technical} (“{plain}”): {value}</source>
        <translation>{technical} («{plain}»): {value}</translation>
    </message>
    <message>
        <source>D = shaded pixels, E = essential zones, S = spillover zones, P = E ∪ S, all on the views drawn on and clipped to the body chart.</source>
        <translation>D = píxeles sombreados, E = zonas esenciales, S = zonas de derrame, P = E ∪ S, todo en las vistas dibujadas y recortado al mapa del cuerpo.</translation>
    </message>
    <message>
        <source>Pattern covered, per body zone</source>
        <translation>Patrón cubierto, por zona del cuerpo</translation>
    </message>
    <message>
        <source>… and {count} more (painmap compare lists them all).</source>
        <translation>… y {count} más (painmap compare los lista todos).</translation>
    </message>
    <message>
        <source>score: weighted Jaccard; essential / spillover: coverage of each zone; precision: share of the shading on the pattern; outside: 1 - precision. Sides: each pattern is scored on the left, the right and both; the best side is shown.</source>
        <translation>puntuación: Jaccard ponderado; esencial / derrame: cobertura de cada zona; precisión: parte del sombreado sobre el patrón; fuera: 1 - precisión. Lados: cada patrón se puntúa a la izquierda, a la derecha y en ambos lados; se muestra el mejor lado.</translation>
    </message>
    <message>
        <source>Drawn: {when}</source>
        <translation>Dibujado: {when}</translation>
    </message>
    <message>
        <source>File: {name}</source>
        <translation>Archivo: {name}</translation>
    </message>
    <message>
        <source>For teaching. Textbook referral patterns; real pain maps vary from person to person. A similar-looking pain is not a diagnosis.</source>
        <translation>Para la enseñanza. Patrones de dolor referido de los libros; los mapas de dolor reales cambian de una persona a otra. Un dolor que se parece no es un diagnóstico.</translation>
    </message>
    <message>
        <source>(drawn here)</source>
        <translation>(dibujado aquí)</translation>
    </message>
    <message>
        <source>Joint facts</source>
        <translation>Datos de la articulación</translation>
    </message>
    <message>
        <source>Muscle facts</source>
        <translation>Datos del músculo</translation>
    </message>
    <message>
        <source>Innervation: {text}</source>
        <translation>Inervación: {text}</translation>
    </message>
    <message>
        <source>Action: {text}</source>
        <translation>Acción: {text}</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Trigger points</source>
        <translation>Puntos gatillo</translation>
    </message>
    <message>
        <source>Where it starts</source>
        <translation>Dónde se origina</translation>
    </message>
    <message>
        <source>Aggravated by</source>
        <translation>Lo empeora</translation>
    </message>
    <message>
        <source>Activating and perpetuating factors</source>
        <translation>Factores que lo activan y lo mantienen</translation>
    </message>
    <message>
        <source>Examination</source>
        <translation>Exploración</translation>
    </message>
    <message>
        <source>Often confused with</source>
        <translation>Se confunde a menudo con</translation>
    </message>
    <message>
        <source>Self-care (widely agreed)</source>
        <translation>Autocuidado (ampliamente aceptado)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Pain pattern learned from drawings · </source>
        <translation>Patrón de dolor aprendido de dibujos · </translation>
    </message>
    <message>
        <source>Referred pain pattern · joint · </source>
        <translation>Patrón de dolor referido · articulación · </translation>
    </message>
    <message>
        <source>Referred pain pattern · muscle · </source>
        <translation>Patrón de dolor referido · músculo · </translation>
    </message>
    <message>
        <source>shown on the patient&apos;s right side (the other side is its mirror image)</source>
        <translation>mostrado en el lado derecho del paciente (el otro lado es su imagen en espejo)</translation>
    </message>
    <message>
        <source>shown on the patient&apos;s left side (the other side is its mirror image)</source>
        <translation>mostrado en el lado izquierdo del paciente (el otro lado es su imagen en espejo)</translation>
    </message>
    <message>
        <source>{name}: referred pain pattern</source>
        <translation>{name}: patrón de dolor referido</translation>
    </message>
    <message>
        <source>Referred pain · joint</source>
        <translation>Dolor referido · articulación</translation>
    </message>
    <message>
        <source>Referred pain · muscle</source>
        <translation>Dolor referido · músculo</translation>
    </message>
    <message>
        <source>the patient&apos;s left side</source>
        <translation>lado izquierdo del paciente</translation>
    </message>
    <message>
        <source>the patient&apos;s right side</source>
        <translation>lado derecho del paciente</translation>
    </message>
    <message>
        <source>{name} (the muscle)</source>
        <translation>{name} (el músculo)</translation>
    </message>
    <message>
        <source>{name}: referred pain</source>
        <translation>{name}: dolor referido</translation>
    </message>
    <message>
        <source>Pain over time</source>
        <translation>El dolor a lo largo del tiempo</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>del {first} al {last}</translation>
    </message>
    <message>
        <source>{count} drawings, {span}.</source>
        <translation>{count} dibujos, {span}.</translation>
    </message>
    <message>
        <source>1 drawing, {span}.</source>
        <translation>1 dibujo, {span}.</translation>
    </message>
    <message>
        <source>The latest {drawn} are drawn below; the chart at the bottom shows all {count}.</source>
        <translation>Abajo se muestran los {drawn} más recientes; el gráfico del final muestra los {count}.</translation>
    </message>
    <message>
        <source> and </source>
        <translation> y </translation>
    </message>
    <message>
        <source>{view} (viewer’s left = {edge})</source>
        <translation>{view} (izquierda de quien mira = {edge})</translation>
    </message>
    <message>
        <source>Each panel shows {views}, at one scale for every date.</source>
        <translation>Cada recuadro muestra {views}, a la misma escala en todas las fechas.</translation>
    </message>
    <message>
        <source>* This file records no date: the file&apos;s modification time is used instead.</source>
        <translation>* Este archivo no guarda la fecha: se usa en su lugar la hora en que se modificó el archivo.</translation>
    </message>
    <message>
        <source>{title}: the best match is a likeness to a textbook pattern.</source>
        <translation>{title}: el patrón más parecido es solo un parecido con un patrón de los libros.</translation>
    </message>
    <message>
        <source>Shaded {percent} % · mean intensity {mean}</source>
        <translation>Sombreado {percent} % · intensidad media {mean}</translation>
    </message>
    <message>
        <source>no pattern overlaps</source>
        <translation>ningún patrón se solapa</translation>
    </message>
    <message>
        <source>Most alike: {best}</source>
        <translation>Más parecido: {best}</translation>
    </message>
    <message>
        <source>Shaded (% of the body chart)</source>
        <translation>Sombreado (% del mapa del cuerpo)</translation>
    </message>
    <message>
        <source>Shaded, % of body chart</source>
        <translation>Sombreado, % del mapa del cuerpo</translation>
    </message>
    <message>
        <source>Mean intensity (1-10)</source>
        <translation>Intensidad media (1-10)</translation>
    </message>
    <message>
        <source>Mean intensity</source>
        <translation>Intensidad media</translation>
    </message>
    <message>
        <source>date not recorded</source>
        <translation>fecha no registrada</translation>
    </message>
    <message>
        <source>{day} {month} {year}</source>
        <translation>{day} de {month} de {year}</translation>
    </message>
    <message>
        <source>Intensity {low} of 10 everywhere shaded</source>
        <translation>Intensidad {low} de 10 en todo lo sombreado</translation>
    </message>
    <message>
        <source>Intensity {low} to {high} of 10 (mostly {most}; average {mean})</source>
        <translation>Intensidad de {low} a {high} de 10 (sobre todo {most}; media {mean})</translation>
    </message>
    <message>
        <source>{quality} (1 mark)</source>
        <translation>{quality} (1 marca)</translation>
    </message>
    <message>
        <source>{quality} ({count} marks)</source>
        <translation>{quality} ({count} marcas)</translation>
    </message>
    <message>
        <source>Felt as: {qualities}</source>
        <translation>Se siente como: {qualities}</translation>
    </message>
    <message>
        <source>How alike</source>
        <translation>Parecido</translation>
    </message>
    <message>
        <source>Score (weighted Jaccard)</source>
        <translation>Puntuación (Jaccard ponderado)</translation>
    </message>
    <message>
        <source>Main pain area covered</source>
        <translation>Zona principal de dolor cubierta</translation>
    </message>
    <message>
        <source>Essential coverage</source>
        <translation>Cobertura esencial</translation>
    </message>
    <message>
        <source>Sometimes-also-here area covered</source>
        <translation>Zona “a veces también aquí” cubierta</translation>
    </message>
    <message>
        <source>Spillover coverage</source>
        <translation>Cobertura de derrame</translation>
    </message>
    <message>
        <source>Your shading inside the pattern</source>
        <translation>Tu sombreado dentro del patrón</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Precisión</translation>
    </message>
    <message>
        <source>Your shading outside the pattern</source>
        <translation>Tu sombreado fuera del patrón</translation>
    </message>
    <message>
        <source>Outside fraction</source>
        <translation>Fracción fuera</translation>
    </message>
    <message>
        <source>Overlap (Dice)</source>
        <translation>Solapamiento (Dice)</translation>
    </message>
    <message>
        <source>Dice coefficient</source>
        <translation>Coeficiente de Dice</translation>
    </message>
    <message>
        <source>Overlap (Jaccard)</source>
        <translation>Solapamiento (Jaccard)</translation>
    </message>
    <message>
        <source>Jaccard index</source>
        <translation>Índice de Jaccard</translation>
    </message>
    <message>
        <source>weighted Jaccard: essential pixels count 1, spillover 0.5, shading outside the pattern 1 (0-1)</source>
        <translation>Jaccard ponderado: los píxeles esenciales cuentan 1, los de derrame 0,5 y el sombreado fuera del patrón 1 (0-1)</translation>
    </message>
    <message>
        <source>|D ∩ E| / |E|: share of the essential (solid red) zones that is shaded</source>
        <translation>|D ∩ E| / |E|: parte de las zonas esenciales (rojo liso) que está sombreada</translation>
    </message>
    <message>
        <source>|D ∩ S| / |S|: share of the spillover (stippled) zones that is shaded</source>
        <translation>|D ∩ S| / |S|: parte de las zonas de derrame (punteadas) que está sombreada</translation>
    </message>
    <message>
        <source>|D ∩ P| / |D|: share of the shading that falls on the pattern</source>
        <translation>|D ∩ P| / |D|: parte del sombreado que cae sobre el patrón</translation>
    </message>
    <message>
        <source>|D \ P| / |D| = 1 - precision: share of the shading outside the pattern</source>
        <translation>|D \ P| / |D| = 1 - precisión: parte del sombreado fuera del patrón</translation>
    </message>
    <message>
        <source>2|D ∩ P| / (|D| + |P|): Sørensen-Dice overlap of drawing and pattern (0-1)</source>
        <translation>2|D ∩ P| / (|D| + |P|): solapamiento de Sørensen-Dice entre dibujo y patrón (0-1)</translation>
    </message>
    <message>
        <source>|D ∩ P| / |D ∪ P|: Jaccard overlap of drawing and pattern (0-1)</source>
        <translation>|D ∩ P| / |D ∪ P|: solapamiento de Jaccard entre dibujo y patrón (0-1)</translation>
    </message>
    <message>
        <source>Main pain area</source>
        <translation>Zona principal de dolor</translation>
    </message>
    <message>
        <source>Essential zone</source>
        <translation>Zona esencial</translation>
    </message>
    <message>
        <source>Sometimes also here</source>
        <translation>A veces también aquí</translation>
    </message>
    <message>
        <source>Spillover zone</source>
        <translation>Zona de derrame</translation>
    </message>
    <message>
        <source>Trigger point</source>
        <translation>Punto gatillo</translation>
    </message>
    <message>
        <source>Trigger point (X)</source>
        <translation>Punto gatillo (X)</translation>
    </message>
    <message>
        <source>In both</source>
        <translation>En ambos</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>Coincide</translation>
    </message>
    <message>
        <source>Pattern only</source>
        <translation>Solo en el patrón</translation>
    </message>
    <message>
        <source>Missed (pattern)</source>
        <translation>Falta (patrón)</translation>
    </message>
    <message>
        <source>Drawing only</source>
        <translation>Solo en el dibujo</translation>
    </message>
    <message>
        <source>Extra (drawing)</source>
        <translation>De más (dibujo)</translation>
    </message>
    <message>
        <source>Bony landmark</source>
        <translation>Referencia ósea</translation>
    </message>
    <message>
        <source>left side</source>
        <translation>lado izquierdo</translation>
    </message>
    <message>
        <source>right side</source>
        <translation>lado derecho</translation>
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
        <source>abdomen</source>
        <translation>abdomen</translation>
    </message>
    <message>
        <source>arm</source>
        <translation>brazo</translation>
    </message>
    <message>
        <source>buttock</source>
        <translation>nalga</translation>
    </message>
    <message>
        <source>chest</source>
        <translation>pecho</translation>
    </message>
    <message>
        <source>coccyx</source>
        <translation>cóccix</translation>
    </message>
    <message>
        <source>flank</source>
        <translation>costado</translation>
    </message>
    <message>
        <source>foot</source>
        <translation>pie</translation>
    </message>
    <message>
        <source>front knee</source>
        <translation>rodilla por delante</translation>
    </message>
    <message>
        <source>front thigh</source>
        <translation>muslo por delante</translation>
    </message>
    <message>
        <source>greater trochanter</source>
        <translation>trocánter mayor</translation>
    </message>
    <message>
        <source>groin</source>
        <translation>ingle</translation>
    </message>
    <message>
        <source>head neck</source>
        <translation>cabeza y cuello</translation>
    </message>
    <message>
        <source>hip</source>
        <translation>cadera</translation>
    </message>
    <message>
        <source>iliac crest</source>
        <translation>cresta ilíaca</translation>
    </message>
    <message>
        <source>knee</source>
        <translation>rodilla</translation>
    </message>
    <message>
        <source>lower leg</source>
        <translation>pierna</translation>
    </message>
    <message>
        <source>lower thigh</source>
        <translation>parte baja del muslo</translation>
    </message>
    <message>
        <source>lumbar</source>
        <translation>zona lumbar</translation>
    </message>
    <message>
        <source>lumbar spine</source>
        <translation>columna lumbar</translation>
    </message>
    <message>
        <source>pubic</source>
        <translation>pubis</translation>
    </message>
    <message>
        <source>sacroiliac joint</source>
        <translation>articulación sacroilíaca</translation>
    </message>
    <message>
        <source>sacrum</source>
        <translation>sacro</translation>
    </message>
    <message>
        <source>shin</source>
        <translation>espinilla</translation>
    </message>
    <message>
        <source>thoracic</source>
        <translation>espalda alta</translation>
    </message>
    <message>
        <source>upper thigh</source>
        <translation>parte alta del muslo</translation>
    </message>
    <message>
        <source>Shaded</source>
        <translation>Sombreado</translation>
    </message>
    <message>
        <source>{percent} of the body chart is shaded</source>
        <translation>Está sombreado el {percent} del mapa del cuerpo</translation>
    </message>
    <message>
        <source>Most alike</source>
        <translation>Más parecidos</translation>
    </message>
    <message>
        <source>All patterns, most alike first</source>
        <translation>Todos los patrones, primero los más parecidos</translation>
    </message>
    <message>
        <source>Nothing is shaded, so no pattern can be compared.</source>
        <translation>No hay nada sombreado, así que no se puede comparar ningún patrón.</translation>
    </message>
    <message>
        <source>No pattern overlaps this drawing.</source>
        <translation>Ningún patrón se solapa con este dibujo.</translation>
    </message>
    <message>
        <source>For clinicians</source>
        <translation>Para profesionales sanitarios</translation>
    </message>
    <message>
        <source>1 stroke lies outside the body chart and is not counted.</source>
        <translation>1 trazo queda fuera del mapa del cuerpo y no se cuenta.</translation>
    </message>
    <message>
        <source>{n} strokes lie outside the body chart and are not counted.</source>
        <translation>{n} trazos quedan fuera del mapa del cuerpo y no se cuentan.</translation>
    </message>
    <message>
        <source>1 outline lies outside the body chart and is not counted.</source>
        <translation>1 contorno queda fuera del mapa del cuerpo y no se cuenta.</translation>
    </message>
    <message>
        <source>{n} outlines lie outside the body chart and are not counted.</source>
        <translation>{n} contornos quedan fuera del mapa del cuerpo y no se cuentan.</translation>
    </message>
    <message>
        <source>{n} marks (1 stroke and 1 outline) lie outside the body chart and are not counted.</source>
        <translation>{n} marcas (1 trazo y 1 contorno) quedan fuera del mapa del cuerpo y no se cuentan.</translation>
    </message>
    <message>
        <source>{n} marks (1 stroke and {o} outlines) lie outside the body chart and are not counted.</source>
        <translation>{n} marcas (1 trazo y {o} contornos) quedan fuera del mapa del cuerpo y no se cuentan.</translation>
    </message>
    <message>
        <source>{n} marks ({s} strokes and 1 outline) lie outside the body chart and are not counted.</source>
        <translation>{n} marcas ({s} trazos y 1 contorno) quedan fuera del mapa del cuerpo y no se cuentan.</translation>
    </message>
    <message>
        <source>{n} marks ({s} strokes and {o} outlines) lie outside the body chart and are not counted.</source>
        <translation>{n} marcas ({s} trazos y {o} contornos) quedan fuera del mapa del cuerpo y no se cuentan.</translation>
    </message>
    <message>
        <source>Not a diagnosis</source>
        <translation>No es un diagnóstico</translation>
    </message>
    <message>
        <source>This compares a pain drawing with textbook maps of where muscles and joints often send pain. It does not say what causes the pain. Referred pain differs from person to person, and even the same person shading the same pain twice, minutes apart, overlaps with the first drawing by only about 60-75 % (Leoni et al. 2013; Barbero et al. 2017), so no result here can confirm or rule out a cause. Take it to a clinician, who can examine you.</source>
        <translation>Esto compara un dibujo del dolor con mapas de los libros que muestran adónde suelen enviar dolor los músculos y las articulaciones. No dice qué causa el dolor. El dolor referido cambia de una persona a otra, e incluso cuando la misma persona sombrea el mismo dolor dos veces, con minutos de diferencia, el segundo dibujo coincide con el primero solo en un 60-75 % (Leoni et al. 2013; Barbero et al. 2017), así que ningún resultado de aquí puede confirmar ni descartar una causa. Llévalo a un profesional sanitario, que pueda explorarte.</translation>
    </message>
    <message>
        <source>People redrawing the same pain minutes apart overlap only by a Jaccard index of about 0.6-0.75 (Leoni et al. 2013; Barbero et al. 2017), so small changes are not meaningful.</source>
        <translation>Las personas que vuelven a dibujar el mismo dolor con minutos de diferencia solo coinciden con un índice de Jaccard de 0,6-0,75 aproximadamente (Leoni et al. 2013; Barbero et al. 2017), así que los cambios pequeños no significan nada.</translation>
    </message>
    <message>
        <source>When to get medical help now</source>
        <translation>Cuándo buscar ayuda médica ya</translation>
    </message>
    <message>
        <source>No pain pattern explains these signs. They are uncommon, but they need a doctor, whatever the drawing shows.</source>
        <translation>Ningún patrón de dolor explica estas señales. Son poco frecuentes, pero necesitan un médico, muestre lo que muestre el dibujo.</translation>
    </message>
    <message>
        <source>The same day (call your doctor or an urgent care service):</source>
        <translation>El mismo día (llama a tu médico o a un servicio de urgencias):</translation>
    </message>
    <message>
        <source>numbness or a changed feeling between the legs, around the buttocks or genitals</source>
        <translation>adormecimiento o sensación distinta entre las piernas, alrededor de las nalgas o de los genitales</translation>
    </message>
    <message>
        <source>new trouble passing or holding urine, or losing control of the bowel</source>
        <translation>dificultad nueva para orinar o para retener la orina, o pérdida del control del intestino</translation>
    </message>
    <message>
        <source>new problems with sexual function</source>
        <translation>problemas nuevos en la función sexual</translation>
    </message>
    <message>
        <source>pain running down both legs, or leg weakness that is getting worse</source>
        <translation>dolor que baja por las dos piernas, o debilidad en las piernas que va a peor</translation>
    </message>
    <message>
        <source>Soon (see a doctor within days):</source>
        <translation>Pronto (ve al médico en unos días):</translation>
    </message>
    <message>
        <source>a past history of cancer</source>
        <translation>haber tenido cáncer</translation>
    </message>
    <message>
        <source>weight loss you cannot explain</source>
        <translation>pérdida de peso que no sabes explicar</translation>
    </message>
    <message>
        <source>fever, or feeling generally unwell</source>
        <translation>fiebre, o encontrarte mal en general</translation>
    </message>
    <message>
        <source>pain after a fall or injury (or a minor one if your bones are thin)</source>
        <translation>dolor después de una caída o un golpe (aunque sea leve si tus huesos son frágiles)</translation>
    </message>
    <message>
        <source>constant pain that rest or changing position does not ease, especially at night</source>
        <translation>dolor constante que no se alivia con reposo ni cambiando de postura, sobre todo por la noche</translation>
    </message>
    <message>
        <source>the curved top edge of the pelvis that you feel under your hands when they rest on your hips</source>
        <translation>el borde superior curvo de la pelvis, el que notas bajo las manos cuando las apoyas en las caderas</translation>
    </message>
    <message>
        <source>the highest point of that edge; it lies level with the 4th lumbar vertebra</source>
        <translation>el punto más alto de ese borde; está a la altura de la 4.ª vértebra lumbar</translation>
    </message>
    <message>
        <source>posterior superior iliac spine: the back end of the iliac crest, under the dimple low on each side of the back</source>
        <translation>espina ilíaca posterosuperior: el extremo de atrás de la cresta ilíaca, bajo el hoyuelo de la parte baja de la espalda, a cada lado</translation>
    </message>
    <message>
        <source>anterior superior iliac spine: the front end of the iliac crest, the bony point at the front of the hip</source>
        <translation>espina ilíaca anterosuperior: el extremo de delante de la cresta ilíaca, el saliente óseo en la parte delantera de la cadera</translation>
    </message>
    <message>
        <source>sacroiliac joint: where the sacrum meets the pelvis on each side, just inside the PSIS dimples</source>
        <translation>articulación sacroilíaca: donde el sacro se une a la pelvis a cada lado, justo por dentro de los hoyuelos de las EIPS</translation>
    </message>
    <message>
        <source>the flat triangular bone at the base of the spine, between the two halves of the pelvis</source>
        <translation>el hueso plano y triangular de la base de la columna, entre las dos mitades de la pelvis</translation>
    </message>
    <message>
        <source>the tailbone: the small tip of the spine below the sacrum</source>
        <translation>la rabadilla: la pequeña punta de la columna por debajo del sacro</translation>
    </message>
    <message>
        <source>the &apos;sitting bone&apos;: the bony point at the bottom of each buttock that you sit on</source>
        <translation>el «hueso de sentarse»: el saliente óseo de la parte baja de cada nalga sobre el que te sientas</translation>
    </message>
    <message>
        <source>the bony bump on the outside of the hip, at the top of the thigh bone</source>
        <translation>el bulto óseo de la parte de fuera de la cadera, en lo alto del fémur</translation>
    </message>
    <message>
        <source>the five lumbar vertebrae of the lower back, counted from the top (L1) to the bottom (L5)</source>
        <translation>las cinco vértebras lumbares de la parte baja de la espalda, contadas de arriba (L1) abajo (L5)</translation>
    </message>
    <message>
        <source>the skin crease under each buttock</source>
        <translation>el pliegue de la piel bajo cada nalga</translation>
    </message>
    <message>
        <source>a tender, tight spot in a muscle that can send pain to another place</source>
        <translation>un punto sensible y tenso de un músculo que puede enviar dolor a otro sitio</translation>
    </message>
    <message>
        <source>Iliac crest</source>
        <translation>Cresta ilíaca</translation>
    </message>
    <message>
        <source>Iliac crest summit</source>
        <translation>Cima de la cresta ilíaca</translation>
    </message>
    <message>
        <source>PSIS</source>
        <translation>EIPS</translation>
    </message>
    <message>
        <source>ASIS</source>
        <translation>EIAS</translation>
    </message>
    <message>
        <source>SI joint</source>
        <translation>Articulación SI</translation>
    </message>
    <message>
        <source>Sacrum</source>
        <translation>Sacro</translation>
    </message>
    <message>
        <source>Coccyx</source>
        <translation>Cóccix</translation>
    </message>
    <message>
        <source>Ischial tuberosity</source>
        <translation>Tuberosidad isquiática</translation>
    </message>
    <message>
        <source>Greater trochanter</source>
        <translation>Trocánter mayor</translation>
    </message>
    <message>
        <source>L1-L5</source>
        <translation>L1-L5</translation>
    </message>
    <message>
        <source>Gluteal fold</source>
        <translation>Pliegue glúteo</translation>
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
        <source>Patella</source>
        <translation>Rótula</translation>
    </message>
    <message>
        <source>Pubic symphysis</source>
        <translation>Sínfisis del pubis</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Qué ha cambiado</translation>
    </message>
    <message>
        <source>in both drawings (persisting)</source>
        <translation>en los dos dibujos (se mantiene)</translation>
    </message>
    <message>
        <source>new since the earlier drawing</source>
        <translation>nuevo desde el dibujo anterior</translation>
    </message>
    <message>
        <source>gone since the earlier drawing</source>
        <translation>desaparecido desde el dibujo anterior</translation>
    </message>
    <message>
        <source>Earlier: {name}</source>
        <translation>Antes: {name}</translation>
    </message>
    <message>
        <source>Now: {name}</source>
        <translation>Ahora: {name}</translation>
    </message>
    <message>
        <source>The two drawings overlap by {percent} (Jaccard {jaccard}).</source>
        <translation>Los dos dibujos coinciden en un {percent} (Jaccard {jaccard}).</translation>
    </message>
    <message>
        <source>Shaded before: {before} % of the body chart; now {after} %.</source>
        <translation>Sombreado antes: {before} % del mapa del cuerpo; ahora {after} %.</translation>
    </message>
    <message>
        <source>New {new} %, gone {gone} %, in both {both} % of the body chart.</source>
        <translation>Nuevo {new} %, desaparecido {gone} %, en los dos {both} % del mapa del cuerpo.</translation>
    </message>
    <message>
        <source>Since the earlier drawing ({earlier}):</source>
        <translation>Desde el dibujo anterior ({earlier}):</translation>
    </message>
    <message>
        <source>Neither drawing shades anything: nothing changed.</source>
        <translation>Ninguno de los dos dibujos sombrea nada: no ha cambiado nada.</translation>
    </message>
    <message>
        <source>The shading is exactly the same: nothing changed.</source>
        <translation>El sombreado es exactamente el mismo: no ha cambiado nada.</translation>
    </message>
    <message>
        <source>How much the two drawings overlap: {percent} (Jaccard {jaccard}), over {views}</source>
        <translation>Cuánto coinciden los dos dibujos: {percent} (Jaccard {jaccard}), en {views}</translation>
    </message>
    <message>
        <source>Shaded before: {before} % of the body chart; now: {after} %</source>
        <translation>Sombreado antes: {before} % del mapa del cuerpo; ahora: {after} %</translation>
    </message>
    <message>
        <source>New: {new} %; gone: {gone} %; in both: {both} % of the body chart</source>
        <translation>Nuevo: {new} %; desaparecido: {gone} %; en los dos: {both} % del mapa del cuerpo</translation>
    </message>
    <message>
        <source>This is within what redrawing the same pain gives.</source>
        <translation>Esto entra en lo que da volver a dibujar el mismo dolor.</translation>
    </message>
    <message>
        <source>Pain drawing</source>
        <translation>Dibujo del dolor</translation>
    </message>
    <message>
        <source>Body chart</source>
        <translation>Mapa del cuerpo</translation>
    </message>
    <message>
        <source>Shaded by the person · the referral pattern of {name} as outlines</source>
        <translation>Sombreado por la persona · el patrón de dolor referido de {name} en contorno</translation>
    </message>
    <message>
        <source>Shaded by the person, in colours of pain intensity</source>
        <translation>Sombreado por la persona, en colores de intensidad del dolor</translation>
    </message>
    <message>
        <source>Nothing shaded yet: shade where the pain is felt</source>
        <translation>Todavía no hay nada sombreado: sombrea donde se siente el dolor</translation>
    </message>
    <message>
        <source>essential zone (outline)</source>
        <translation>zona esencial (contorno)</translation>
    </message>
    <message>
        <source>spillover zone (outline)</source>
        <translation>zona de derrame (contorno)</translation>
    </message>
</context>
</TS>
