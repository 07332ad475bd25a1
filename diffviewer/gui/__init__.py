"""The desktop window: everything that imports PySide6 lives in this package."""
