import Foundation

extension StringProtocol {
    /// The same as `trimmingCharacters(in: .whitespaces)`, without Foundation's cost when
    /// neither end can be trimmed (the common case on the start-up path).
    func trimmingWhitespace() -> String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return "" }
        if Self.keeps(first) && Self.keeps(last) { return String(self) }
        return trimmingCharacters(in: .whitespaces)
    }

    /// An ASCII scalar that is not a space or a tab: never trimmed. Anything else is left
    /// to Foundation, which knows every space separator.
    private static func keeps(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && scalar != " " && scalar != "\t"
    }
}
