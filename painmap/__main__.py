"""`python -m painmap` runs the same entry point as the `painmap` command."""

from painmap.cli import main

raise SystemExit(main())
