from iki_xl.cli import main

main()
