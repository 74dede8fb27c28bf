public enum WireRecordPlaceholder {}
