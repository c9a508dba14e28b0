"""Model → out: ``text`` (render), ``converter`` (JSON and plain data), ``schema`` (its JSON Schema),
``markdown``, ``csl``, ``tables``, ``notebook``, and ``ids`` (the ids they share). Writers read only the model."""
