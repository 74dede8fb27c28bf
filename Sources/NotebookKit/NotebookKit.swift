public enum NotebookKitPlaceholder {}
