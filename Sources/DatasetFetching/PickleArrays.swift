import Foundation

/// A reader for the numpy arrays inside a pickle, such as the classic `mnist.pkl.gz`, that never
/// runs code from the file: it interprets the few pickle opcodes that such files use, and the only
/// callables it accepts are numpy's array reconstruction (`numpy.core.multiarray._reconstruct`),
/// `numpy.ndarray` and `numpy.dtype`. Anything else is rejected as an error.
///
/// The result mirrors the pickled structure: tuples and lists of ``PickleArrays/Value``, with
/// arrays as their shape, dtype and raw little-endian bytes.
enum PickleArrays {
    /// A value of the pickle.
    indirect enum Value {
        case none
        case bool(Bool)
        case int(Int)
        case bytes([UInt8])
        case tuple([Value])
        case list([Value])
        case global(String)
        /// `numpy.dtype(name)` before its state arrives.
        case dtype(String, endian: String)
        /// An array: its shape, element type (`"f4"`, `"i8"`, `"u1"` …), byte order and data.
        case array(shape: [Int], dtype: String, endian: String, data: [UInt8])
        case mark
        /// A numpy object under construction: BUILD fills it in place, as Python mutates the object
        /// that the memo also refers to.
        case object(Reference)
    }

    /// A shared, mutable value, like a Python object reference.
    final class Reference {
        var value: Value
        init(_ value: Value) { self.value = value }
    }

    /// Errors of ``read(_:path:)``: the file uses something this reader refuses to interpret.
    struct Unsupported: Error, CustomStringConvertible {
        let description: String
    }

    private static let allowedGlobals: Set<String> = [
        "numpy.core.multiarray _reconstruct", "numpy._core.multiarray _reconstruct",
        "numpy ndarray", "numpy dtype",
    ]

    /// The value that `pickle.load` would build from `bytes` (protocols 0–2 with binary opcodes).
    static func read(_ bytes: [UInt8]) throws -> Value {
        var reader = Reader(bytes: bytes)
        var stack = [Value](), memo = [Int: Value]()
        func pop() throws -> Value {
            guard let top = stack.popLast() else { throw Unsupported(description: "stack underflow") }
            return top
        }
        func popToMark() throws -> [Value] {
            guard let mark = stack.lastIndex(where: { if case .mark = $0 { return true }; return false }) else {
                throw Unsupported(description: "no MARK on the stack")
            }
            let items = Array(stack[(mark + 1)...])
            stack.removeSubrange(mark...)
            return items
        }
        while true {
            let opcode = try reader.byte()
            switch opcode {
            case 0x80: _ = try reader.byte()                                    // PROTO
            case 0x2E: return resolved(try pop())                               // STOP
            case 0x28: stack.append(.mark)                                      // MARK
            case 0x4E: stack.append(.none)                                      // NONE
            case 0x88: stack.append(.bool(true))                                // NEWTRUE
            case 0x89: stack.append(.bool(false))                               // NEWFALSE
            case 0x4B: stack.append(.int(Int(try reader.byte())))               // BININT1
            case 0x4D: stack.append(.int(Int(try reader.littleEndian(2))))      // BININT2
            case 0x4A: stack.append(.int(Int(Int32(truncatingIfNeeded: try reader.littleEndian(4)))))  // BININT
            case 0x55: stack.append(.bytes(try reader.take(Int(try reader.byte()))))      // SHORT_BINSTRING
            case 0x43: stack.append(.bytes(try reader.take(Int(try reader.byte()))))      // SHORT_BINBYTES
            case 0x54, 0x42, 0x58:                                              // BINSTRING, BINBYTES, BINUNICODE
                stack.append(.bytes(try reader.take(Int(try reader.littleEndian(4)))))
            case 0x29: stack.append(.tuple([]))                                 // EMPTY_TUPLE
            case 0x85: stack.append(.tuple([try pop()]))                        // TUPLE1
            case 0x86: let b = try pop(), a = try pop(); stack.append(.tuple([a, b]))        // TUPLE2
            case 0x87: let c = try pop(), b = try pop(), a = try pop(); stack.append(.tuple([a, b, c]))  // TUPLE3
            case 0x74: stack.append(.tuple(try popToMark()))                    // TUPLE
            case 0x5D: stack.append(.list([]))                                  // EMPTY_LIST
            case 0x65:                                                          // APPENDS
                let items = try popToMark()
                guard case let .list(existing) = try pop() else { throw Unsupported(description: "APPENDS to a non-list") }
                stack.append(.list(existing + items))
            case 0x71: memo[Int(try reader.byte())] = stack.last                // BINPUT
            case 0x72: memo[Int(try reader.littleEndian(4))] = stack.last       // LONG_BINPUT
            case 0x68, 0x6A:                                                    // BINGET, LONG_BINGET
                let key = opcode == 0x68 ? Int(try reader.byte()) : Int(try reader.littleEndian(4))
                guard let value = memo[key] else { throw Unsupported(description: "memo \(key) is unset") }
                stack.append(value)
            case 0x63:                                                          // GLOBAL
                let name = try reader.line() + " " + reader.line()
                guard allowedGlobals.contains(name) else {
                    throw Unsupported(description: "refusing to load \(name): only numpy arrays are read")
                }
                stack.append(.global(name))
            case 0x52:                                                          // REDUCE
                let arguments = try pop(), callable = try pop()
                stack.append(.object(Reference(try reduce(callable, arguments))))
            case 0x62:                                                          // BUILD
                let state = try pop()
                guard case let .object(reference) = try pop() else {
                    throw Unsupported(description: "BUILD of something other than a numpy object")
                }
                reference.value = try build(reference.value, resolved(state))
                stack.append(.object(reference))
            default:
                throw Unsupported(description: "opcode 0x\(String(opcode, radix: 16)) at byte \(reader.offset - 1)")
            }
        }
    }

    /// The value with every object reference replaced by its current contents.
    static func resolved(_ value: Value) -> Value {
        switch value {
        case let .object(reference): return resolved(reference.value)
        case let .tuple(items): return .tuple(items.map(resolved))
        case let .list(items): return .list(items.map(resolved))
        default: return value
        }
    }

    private static func reduce(_ callable: Value, _ arguments: Value) throws -> Value {
        guard case let .global(name) = callable, case let .tuple(items) = arguments else {
            throw Unsupported(description: "REDUCE of something other than an allowed global")
        }
        if name.hasSuffix("_reconstruct") {
            return .array(shape: [0], dtype: "", endian: "", data: [])  // filled in by BUILD
        }
        if name == "numpy dtype", case let .bytes(type)? = items.first {
            return .dtype(String(decoding: type, as: UTF8.self), endian: "|")
        }
        throw Unsupported(description: "cannot call \(name) with these arguments")
    }

    private static func build(_ object: Value, _ state: Value) throws -> Value {
        guard case let .tuple(fields) = state else { throw Unsupported(description: "BUILD with a non-tuple state") }
        switch object {
        case let .dtype(type, _):
            // (version, byte order, subarray, names, fields, itemsize, alignment, flags)
            guard fields.count >= 2, case let .bytes(order) = fields[1] else {
                throw Unsupported(description: "unexpected dtype state")
            }
            return .dtype(type, endian: String(decoding: order, as: UTF8.self))
        case .array:
            // (version, shape, dtype, is_fortran, raw data)
            guard fields.count == 5, case let .tuple(dimensions) = fields[1],
                  case let .dtype(type, endian) = fields[2], case .bool(false) = fields[3],
                  case let .bytes(data) = fields[4] else {
                throw Unsupported(description: "unexpected array state (only C-ordered raw arrays are read)")
            }
            let shape = try dimensions.map { dimension -> Int in
                guard case let .int(size) = dimension else { throw Unsupported(description: "non-integer shape") }
                return size
            }
            return .array(shape: shape, dtype: type, endian: endian, data: data)
        default:
            throw Unsupported(description: "BUILD of an object other than a numpy array or dtype")
        }
    }

    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        mutating func byte() throws -> UInt8 { try take(1)[0] }

        mutating func take(_ count: Int) throws -> [UInt8] {
            guard count >= 0, offset + count <= bytes.count else {
                throw Unsupported(description: "the pickle ends early at byte \(offset)")
            }
            defer { offset += count }
            return Array(bytes[offset ..< offset + count])
        }

        mutating func littleEndian(_ count: Int) throws -> UInt32 {
            try take(count).reversed().reduce(0) { $0 << 8 | UInt32($1) }
        }

        mutating func line() throws -> String {
            guard let end = bytes[offset...].firstIndex(of: 0x0A) else {
                throw Unsupported(description: "a GLOBAL name is not terminated")
            }
            defer { offset = end + 1 }
            return String(decoding: bytes[offset ..< end], as: UTF8.self)
        }
    }
}
