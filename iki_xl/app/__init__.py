"""The pipelines the CLI, the ribbon macros and the demo share: read and check, write a new
workbook, consolidate. The one place that combines the core with reading and writing."""
