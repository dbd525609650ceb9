import AECheckLanguage
/// The typed lines of a transcript body: `> text`, `>` (an empty line) and the escaped form
/// `>\ text` for bytes a readable file cannot hold.
///
/// Escapes (only after `>\ `):
///
/// | write | bytes |
/// | --- | --- |
/// | `\\` | a backslash |
/// | `\s` | a space (for leading or trailing spaces, which editors strip) |
/// | `\t`, `\r`, `\e`, `\0` | tab, carriage return, escape (0x1B), NUL |
/// | `\xHH` | any byte, two hex digits: `\xFF\xFE` is invalid UTF-8 |
/// | `\{N:TEXT}` | TEXT (plain, no `}` or `\`) repeated N times: `\{70000:x}` is a very long line |
///
/// For example `>\ \x01\x02\e\x07` types four control characters.
enum InputLine {
    /// Why an input line cannot be read.
    struct Problem: Error, Equatable {
        var message: String
    }

    /// The largest repeat count `\{N:TEXT}` accepts.
    static let repeatLimit = 10_000_000
    /// The most bytes one typed line may expand to (1 MiB, sixteen times what the program
    /// reads of a line), however its escapes are written.
    static let sizeLimit = 1 << 20

    /// The bytes a body line types, or a problem. The line starts with `>`.
    static func decode(_ line: String) -> Result<[UInt8], Problem> {
        if line == ">" { return .success([]) }
        if line.hasPrefix("> ") { return .success(Array(line.utf8.dropFirst(2))) }
        if line.hasPrefix(">\\ ") { return unescape(Array(line.utf8.dropFirst(3))) }
        return .failure(
            Problem(message: "a typed line starts with '> ' (or is '>' alone, or '>\\ ' with escapes)"))
    }

    /// The screen form of typed bytes: `> text` when the bytes are plain, else the escaped form.
    static func encode(_ bytes: [UInt8]) -> String {
        if bytes.isEmpty { return ">" }
        let plain = bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F || $0 >= 0x80 }
        if plain, let text = String(validating: bytes, as: UTF8.self), text.first != " ", text.last != " " {
            return "> " + text
        }
        var out = ">\\ "
        let hex = Array("0123456789ABCDEF")
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\\"): out += "\\\\"
            case 0x20: out += "\\s"
            case 0x09: out += "\\t"
            case 0x0D: out += "\\r"
            case 0x1B: out += "\\e"
            case 0x00: out += "\\0"
            case 0x21..<0x7F: out.append(Character(Unicode.Scalar(byte)))
            default: out += "\\x" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0x0F)])
            }
        }
        return out
    }

    private static func unescape(_ text: [UInt8]) -> Result<[UInt8], Problem> {
        var bytes: [UInt8] = []
        var index = 0
        while index < text.count {
            let byte = text[index]
            index += 1
            guard byte == UInt8(ascii: "\\") else {
                bytes.append(byte)
                continue
            }
            guard index < text.count else { return .failure(Problem(message: "a lone '\\' at the end of the line")) }
            let code = text[index]
            index += 1
            switch code {
            case UInt8(ascii: "\\"): bytes.append(code)
            case UInt8(ascii: "s"): bytes.append(0x20)
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case UInt8(ascii: "e"): bytes.append(0x1B)
            case UInt8(ascii: "0"): bytes.append(0x00)
            case UInt8(ascii: "x"):
                guard index + 1 < text.count, let high = hexValue(text[index]), let low = hexValue(text[index + 1])
                else {
                    return .failure(Problem(message: "'\\x' needs two hex digits, e.g. \\xFF"))
                }
                let value = high << 4 | low
                if value == 0x0A { return .failure(Problem(message: "a typed line cannot contain a newline (\\x0A)")) }
                bytes.append(value)
                index += 2
            case UInt8(ascii: "{"):
                guard let close = text[index...].firstIndex(of: UInt8(ascii: "}")),
                    let colon = text[index..<close].firstIndex(of: UInt8(ascii: ":")),
                    let count = Int(String(decoding: text[index..<colon], as: UTF8.self)),
                    (1...repeatLimit).contains(count)
                else {
                    return .failure(
                        Problem(message: "'\\{' needs a count and text, e.g. \\{70000:x} (count 1 to \(repeatLimit))"))
                }
                let unit = text[(colon + 1)..<close]
                if unit.contains(UInt8(ascii: "\\")) {
                    return .failure(Problem(message: "the text of '\\{N:TEXT}' cannot hold escapes"))
                }
                guard unit.count * count <= sizeLimit - bytes.count else {
                    return .failure(
                        Problem(message: "'\\{N:TEXT}' makes the line longer than \(sizeLimit) bytes"))
                }
                for _ in 0..<count { bytes += unit }
                index = close + 1
            default:
                let shown = String(decoding: [code], as: UTF8.self)
                return .failure(
                    Problem(
                        message: "unknown escape '\\\(shown)'; use \\\\, \\s, \\t, \\r, \\e, \\0, \\xHH or \\{N:TEXT}"))
            }
        }
        return .success(bytes)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
