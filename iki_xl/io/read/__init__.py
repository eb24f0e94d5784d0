"""Reading workbooks into the model: grids, the cell map, the jabatan and Instansi sheets,
the whole workbook."""
