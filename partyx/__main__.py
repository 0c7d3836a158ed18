from partyx.cli import main

main()
