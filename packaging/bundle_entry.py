"""Entry point of the standalone bundle (PyInstaller): the same `painmap` command as the wheel's script."""

import sys

from painmap.cli import main

if __name__ == "__main__":
    sys.exit(main())
