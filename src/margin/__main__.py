from margin.cli import main

raise SystemExit(main())
