from iki_xl.cli import main

if __name__ == "__main__":  # not when a spawned worker imports the parent's main module
    main()
