"""The hall workbook (openpyxl): reading, writing and the empty template."""
