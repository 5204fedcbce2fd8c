#!/usr/bin/env python3
"""Bench worker: pdfplumber's tables (find_tables with its default settings) on every page of
one PDF, as JSON [{"page": n, "rows": [[text, ...], ...]}] — merged cells None → "". Usage:
pdfplumber_tables.py FILE"""
import json
import sys

import pdfplumber

out = []
with pdfplumber.open(sys.argv[1]) as pdf:
    for page in pdf.pages:
        for table in page.find_tables():
            rows = [[cell or "" for cell in row] for row in table.extract()]
            out.append({"page": page.page_number, "rows": rows})
json.dump(out, sys.stdout, ensure_ascii=False)
