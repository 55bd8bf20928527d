"""The pages of the main window, one module each; the navigation lists them in order."""
