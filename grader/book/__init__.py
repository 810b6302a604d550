"""The book of katas: the catalogue, validation, the scaffold, signatures and the README's table."""
