"""Notes → sources: the items of a note (``items``), its URLs repaired (``urls``), their hosts read (``hosts``,
``outlets``). ``Note.sources`` runs ``items.read_sources`` on first use."""
