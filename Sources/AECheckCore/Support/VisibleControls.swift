import AECheckLanguage
extension String {
    /// The text with every character that a terminal would act on, or that would reorder
    /// what is shown, written as a visible escape: C0 controls (except the newline), DEL, C1
    /// controls, the bidirectional controls and the invisible format characters.
    ///
    ///     "sparkles\u{1B}[2J\u{202E}".visibleControls  // "sparkles\u{1B}[2J\u{202E}" as 21 plain characters
    ///
    /// Text from a person, a file or a document goes through this before it is echoed.
    var visibleControls: String {
        // The common case: printable ASCII (and newlines) only.
        if utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A }) { return self }
        var out = ""
        out.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            if scalar == "\n" || !scalar.isHiddenControl {
                out.unicodeScalars.append(scalar)
            } else {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return out
    }
}

extension Unicode.Scalar {
    /// A control character (C0, DEL, C1), a bidirectional control, or an invisible format
    /// character (zero-width spaces and joiners, word joiner, byte order mark, line and
    /// paragraph separators): none of them should reach a terminal from outside text.
    var isHiddenControl: Bool {
        switch value {
        case 0x00..<0x20, 0x7F...0x9F: true
        case 0x061C, 0x180E, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x206F, 0xFEFF, 0xFFF9...0xFFFB: true
        default: false
        }
    }
}
