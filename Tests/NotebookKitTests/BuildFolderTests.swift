import Foundation
import Testing
@testable import NotebookKit

/// The build folder on a real file system: private folders per render, executables shared by hard
/// links that survive pruning, folders of dead processes swept, names safe for any command line.
@Suite struct BuildFolderTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("trainbook-build-\(UUID().uuidString)").path

    @Test func eachRenderGetsItsOwnFolder() throws {
        let build = BuildFolder(workRoot: root, fileName: "n.md", directory: "/notebooks")
        let first = try build.makePrivateFolder()
        let second = try build.makePrivateFolder()
        #expect(first != second)
        #expect(first.hasPrefix(build.path + "/") && second.hasPrefix(build.path + "/"))
        BuildFolder.discard(first)
        #expect(!FileManager.default.fileExists(atPath: first))
        #expect(FileManager.default.fileExists(atPath: second))
    }

    @Test func aPublishedExecutableIsAdoptedAndOutlivesPruning() throws {
        let build = BuildFolder(workRoot: root, fileName: "n.md", directory: "/notebooks")
        let compiled = try build.makePrivateFolder() + "/notebook"
        try Data("first program".utf8).write(to: URL(fileURLWithPath: compiled))
        build.publish(compiled, as: "key-0")

        let running = try build.makePrivateFolder() + "/notebook"
        #expect(build.adopt("key-0", as: running))
        #expect(!build.adopt("unknown", as: running + "-other"))
        // Newer executables push the first one out of the shared store, not out of the running render.
        for index in 1...BuildFolder.keptExecutables {
            let other = try build.makePrivateFolder() + "/notebook"
            try Data("program \(index)".utf8).write(to: URL(fileURLWithPath: other))
            let later = Date().addingTimeInterval(Double(index))
            try FileManager.default.setAttributes([.modificationDate: later], ofItemAtPath: other)
            build.publish(other, as: "key-\(index)")
        }
        #expect(!build.adopt("key-0", as: running + "-again"))
        #expect(build.adopt("key-\(BuildFolder.keptExecutables)", as: running + "-newest"))
        #expect(String(decoding: FileManager.default.contents(atPath: running) ?? Data(), as: UTF8.self) == "first program")
    }

    @Test func foldersOfProcessesThatDiedAreSwept() throws {
        let build = BuildFolder(workRoot: root, fileName: "n.md", directory: "/notebooks")
        let mine = try build.makePrivateFolder()
        // The largest pid Linux can hand out is below 2^22; this one cannot be alive.
        let abandoned = build.path + "/render-2147483646-abcdef"
        try FileManager.default.createDirectory(atPath: abandoned, withIntermediateDirectories: true)
        _ = try build.makePrivateFolder()
        #expect(!FileManager.default.fileExists(atPath: abandoned))
        #expect(FileManager.default.fileExists(atPath: mine))
    }

    @Test func namesAreSafeShortAndDistinct() throws {
        let quoted = BuildFolder(workRoot: root, fileName: "a \"b\"=c\\d.md", directory: "/x")
        let name = (quoted.path as NSString).lastPathComponent
        #expect(name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        let long = BuildFolder(workRoot: root, fileName: String(repeating: "é", count: 240) + ".md", directory: "/x")
        #expect((long.path as NSString).lastPathComponent.utf8.count < 64)
        #expect(BuildFolder(workRoot: root, fileName: "n.md", directory: "/x").path
                != BuildFolder(workRoot: root, fileName: "n.md", directory: "/y").path)
        _ = try long.makePrivateFolder()
    }
}
