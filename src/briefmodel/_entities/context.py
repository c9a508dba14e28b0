"""What the readers of one report's sentences share: its glossary, the places it names, its default side."""

from briefmodel._model.entities import PlaceKind, Side

__all__ = ["Context"]


class Context:
    """The report-wide knowledge a sentence is read with, gathered in document order."""

    __slots__ = ("default_side", "glossary", "known", "regions")

    def __init__(self, default_side: Side = Side.UNKNOWN) -> None:
        self.glossary: dict[str, str] = {}
        """Short form → full form, as the report defines them (the first definition wins)."""
        self.known: dict[str, PlaceKind] = {}
        """A name the report gives as a place somewhere (``Soledar`` after ``near``) → its kind: the same name
        is a place wherever else the report prints it (``to capture Soledar``)."""
        self.regions: dict[str, str] = {}
        """A place's text → the region a sentence puts it in (``Kreminna`` → ``Luhansk Oblast``): the region of
        its other mentions, where their own sentence names none."""
        self.default_side = default_side
        """The side of a formation no word of its sentence tells: Russian in a campaign assessment of the war in
        Ukraine, other in an Iran Update."""
