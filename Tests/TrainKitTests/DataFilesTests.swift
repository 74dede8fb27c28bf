import Foundation
import Testing
@testable import TrainKit

/// Reading data files: CSV tables and their errors, IDX files, the MNIST cache.
struct DataFilesTests {
    func write(_ text: String, named name: String = "table.csv") throws -> String {
        let path = try DataTestSupport.temporaryFolder().appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func csvReadsFeaturesTargetAndCategories() throws {
        let path = try write("Gender,Height,Weight,Index\r\nMale,174,96,4\n\nFemale,185,110,4\n\"Male\",160,50,2\n")
        let table = try CSVTable(path: path, target: "Index")
        #expect(table.featureNames == ["Gender", "Height", "Weight"] && table.targetName == "Index")
        #expect(table.dataset.x == Matrix([[0, 174, 96], [1, 185, 110], [0, 160, 50]]))
        #expect(table.dataset.y == Matrix([[4], [4], [2]]))
        #expect(table.categories == ["Gender": ["Male", "Female"]])
        #expect(try Datasets.csv(path, target: "Height").x.row(0) == [0, 96, 4])
    }

    @Test func csvErrorsSayWhatAndWhere() throws {
        #expect(throws: DatasetError.fileNotFound(path: "/no/such/file.csv")) {
            try Datasets.csv("/no/such/file.csv", target: "Index")
        }
        let path = try write("Gender,Height,Weight,Index\nMale,174,96,4\nFemale,tall,110,4\n")
        let missing = DatasetError.missingTargetColumn(path: path, target: "BMI",
                                                       columns: ["Gender", "Height", "Weight", "Index"])
        #expect(throws: missing) { try Datasets.csv(path, target: "BMI") }
        #expect(missing.description.contains("\"Gender\", \"Height\", \"Weight\", \"Index\""))
        let nonNumeric = DatasetError.nonNumericCell(path: path, line: 3, column: "Height", value: "tall")
        #expect(throws: nonNumeric) { try Datasets.csv(path, target: "Index") }
        #expect(nonNumeric.description.hasPrefix("\(path):3: column \"Height\" holds \"tall\""))
        let ragged = try write("a,b\n1,2\n\n3\n")
        #expect(throws: DatasetError.raggedRow(path: ragged, line: 4, expected: 2, found: 1)) {
            try Datasets.csv(ragged, target: "a")
        }
        let empty = try write("\n\n")
        #expect(throws: DatasetError.emptyTable(path: empty)) { try Datasets.csv(empty, target: "a") }
    }

    @Test func idxRoundTripsThroughAFile() throws {
        let folder = try DataTestSupport.temporaryFolder()
        let images = IDXFile(shape: [2, 2, 3], bytes: [0, 255, 51, 1, 2, 3, 4, 5, 6, 7, 8, 9])
        let path = folder.appendingPathComponent("images").path
        try images.write(to: path)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(Array(bytes.prefix(16)) == [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 3])  // big-endian header
        #expect(try IDXFile(contentsOf: path) == images)
        try IDXFile(shape: [2], bytes: [7, 3]).write(to: folder.appendingPathComponent("labels").path)
        let data = try Datasets.idxDataset(images: path, labels: folder.appendingPathComponent("labels").path)
        #expect(data.x.rows == 2 && data.x.cols == 6 && data.y == Matrix([[7], [3]]))
        let expected: [Float] = [0, 1, 0.2, Float(1) / 255, Float(2) / 255, Float(3) / 255]
        #expect(data.x.row(0) == expected)
    }

    @Test func malformedIDXIsReported() throws {
        let path = try write("not idx", named: "broken")
        #expect(throws: DatasetError.self) { try IDXFile(contentsOf: path) }
        var short = IDXFile(shape: [4], bytes: [1, 2, 3, 4]).data
        short.removeLast()
        #expect(throws: DatasetError.malformedIDX(path: "short", reason: "shape [4] needs 4 values, but the file holds 3")) {
            try IDXFile(data: short, path: "short")
        }
    }

    @Test func gzippedIDXIsRead() throws {
        let folder = try DataTestSupport.temporaryFolder()
        let path = folder.appendingPathComponent("labels").path
        try IDXFile(shape: [3], bytes: [1, 2, 3]).write(to: path)
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gzip.arguments = ["gzip", path]
        try gzip.run()
        gzip.waitUntilExit()
        #expect(try IDXFile(contentsOf: path + ".gz").bytes == [1, 2, 3])
    }

    @Test func missingDownloadsNameTheFetchCommand() throws {
        let folder = try DataTestSupport.temporaryFolder()
        let error = #expect(throws: DatasetError.self) { try Datasets.idxImages(in: folder, title: "MNIST") }
        let message = error?.description ?? ""
        #expect(message.contains("MNIST is not downloaded") && message.contains("trainbook datasets fetch"))
        #expect(message.contains("train-images-idx3-ubyte"))
    }
}
