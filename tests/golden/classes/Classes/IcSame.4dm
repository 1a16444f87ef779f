// Inherits who() of IcBase unchanged (inline-cache cases).
Class extends IcBase
