"""Report → claims: sentences, attribution (with the cue vocabulary and word helpers), hedges, dates, stance and
takeaway support, run by ``pipeline.read_report_claims`` on first use of ``Report.claims``. Nothing here is
imported by ``import briefmodel``."""
