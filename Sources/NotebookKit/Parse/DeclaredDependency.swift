/// A file or folder that a notebook's front matter names under `depends:`: an input its code
/// reads without the engine's loaders (with Foundation, say). The sandbox lets the program read
/// it, and a change to it, or to any file inside it, makes the next render run the notebook again.
public struct DeclaredDependency: Equatable, Sendable {
    /// The path as written, relative to the notebook's folder unless it starts with `/`.
    public var path: String
    /// The notebook line that names it.
    public var line: Int

    /// A dependency on `path`, named at notebook line `line`.
    public init(path: String, line: Int) {
        self.path = path
        self.line = line
    }
}
