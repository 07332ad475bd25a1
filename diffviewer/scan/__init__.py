"""Find the documents of a collection that derive from an original (diffviewer scan)."""
