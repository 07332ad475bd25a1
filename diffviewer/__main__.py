from diffviewer.cli import main

raise SystemExit(main())
