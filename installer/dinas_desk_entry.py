"""Entry point of the frozen app: DinasDesk.exe (windowed) and dinas-desk.exe (console) both run this."""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
