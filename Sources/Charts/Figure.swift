/// Placeholder until the charts module lands.
public struct Figure {}
