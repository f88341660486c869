"""`python -m cablegram` runs the command line."""

from cablegram.cli import main

main()
