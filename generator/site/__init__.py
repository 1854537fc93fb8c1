"""The mkdocs glue: settings -> pages, exports and search indexes inside a build."""
