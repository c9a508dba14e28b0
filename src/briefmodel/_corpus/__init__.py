"""Many reports as one dataset: the corpus over files and folders, and the DuckDB store updated day by day."""
