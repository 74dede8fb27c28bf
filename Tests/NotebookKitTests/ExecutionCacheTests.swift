import Foundation
import Testing
@testable import NotebookKit

@Suite struct ExecutionCacheTests {
    func toolchain(libraryBytes: String) throws -> Toolchain {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trainbook-lib-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let library = folder.appendingPathComponent(Toolchain.libraryName)
        try Data(libraryBytes.utf8).write(to: library)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000)], ofItemAtPath: library.path)
        return Toolchain(swiftc: "/usr/bin/swiftc", libraryDirectory: folder.path, moduleMaps: [], moduleCache: folder.path)
    }

    @Test func anotherEngineBuildIsAnotherKey() throws {
        let one = try toolchain(libraryBytes: "build one")
        let same = try toolchain(libraryBytes: "build one")
        let other = try toolchain(libraryBytes: "build number two")
        #expect(ExecutionCache.key(program: "print(1)", toolchain: one) == ExecutionCache.key(program: "print(1)", toolchain: same))
        #expect(ExecutionCache.key(program: "print(1)", toolchain: one) != ExecutionCache.key(program: "print(1)", toolchain: other))
        #expect(ExecutionCache.key(program: "print(1)", toolchain: one) != ExecutionCache.key(program: "print(2)", toolchain: one))
    }

    @Test func entriesRoundTripAndForeignOnesAreIgnored() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trainbook-cache-\(UUID().uuidString)").path
        let cache = ExecutionCache(folder: folder)
        var cell = CellResult(index: 0)
        cell.outputs = [.text("hello\n"), .figure(name: "a-1", svg: "<svg/>", alt: "a")]
        cell.status = .succeeded
        try cache.store([cell], key: "abc", dataFiles: [])
        #expect(cache.lookup("abc") == [cell])
        try FileManager.default.copyItem(atPath: folder + "/abc.json", toPath: folder + "/other.json")
        #expect(cache.lookup("other") == nil)
        try Data("not json".utf8).write(to: URL(fileURLWithPath: folder + "/abc.json"))
        #expect(cache.lookup("abc") == nil)
    }
}
