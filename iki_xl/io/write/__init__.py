"""Writing workbooks with XlsxWriter: the planner workbook, the validation report and the
submission, all through the cell writers of `cells`."""
