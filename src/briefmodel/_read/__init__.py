"""Text → model. The stages, in the order they run and may import one another: ``lines``, ``documents``,
``header``, ``sections``, ``callouts``, ``notes``, ``assemble``, ``checks``, then ``pipeline`` (``parse``,
``parse_all``); ``html``, ``markdown`` and ``files`` turn other inputs into text for the pipeline, and
``builder`` writes a report's meaning as text and parses it. ``shapes``, ``bylines``, ``months`` and ``roman``
are the helpers every stage reads; ``caps`` holds the cap on diagnostics of one code (the claims reader uses it
too)."""
