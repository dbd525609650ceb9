import Foundation

/// A small line editor for a person typing at a terminal: left and right arrows, Home and
/// End, Ctrl-A, Ctrl-E, Ctrl-K, Ctrl-U, Ctrl-W, Backspace and Delete, and Up and Down through
/// the answers given in this session.
///
/// `LineEdit` is the pure part (keys in, line out); `LineEditor` puts the terminal in
/// non-canonical mode for one line at a time and draws. Ctrl-C still interrupts (the
/// terminal's signal keys stay on) and the terminal is restored before the program exits.
struct LineEdit {
    /// What a key did.
    enum Result: Equatable {
        case editing
        /// Enter: the line is done.
        case done(String)
        /// Ctrl-D on an empty line: end of input.
        case endOfInput
    }

    private(set) var text: [Character] = []
    private(set) var cursor = 0
    private var history: [String]
    /// Where Up and Down are in the history; `history.count` is the line being typed.
    private var place: Int
    private var typed: [Character] = []

    /// The part of `text` to show in `room` columns so that the cursor is in view, and the
    /// cursor's place in it. A text that fits is shown whole; otherwise, once the cursor is
    /// past the first screenful, a `<` first marks text cut off on the left.
    ///
    /// Example: `LineEdit.window(text: Array("abcdefghijkl"), cursor: 12, room: 8)` shows
    /// `"<hijkl"` with the cursor after the `l`.
    static func window(text: [Character], cursor: Int, room: Int) -> (shown: String, cursor: Int) {
        let room = max(room, 8)
        guard text.count >= room else { return (String(text), cursor) }
        let width = room - 1
        if cursor <= width - 1 { return (String(text[0..<width]), cursor) }
        let start = cursor - (width - 2)
        let end = min(text.count, start + width - 1)
        return ("<" + String(text[start..<end]), 1 + cursor - start)
    }

    init(history: [String]) {
        self.history = history
        self.place = history.count
    }

    /// The keys a terminal sends, one at a time.
    enum Key: Equatable {
        case character(Character)
        case left, right, up, down, home, end, backspace, delete, enter
        case killToEnd, killToStart, deleteWord, endOfInput
        case ignored
    }

    mutating func apply(_ key: Key) -> Result {
        switch key {
        case .character(let character):
            text.insert(character, at: cursor)
            cursor += 1
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .home: cursor = 0
        case .end: cursor = text.count
        case .backspace:
            if cursor > 0 {
                text.remove(at: cursor - 1)
                cursor -= 1
            }
        case .delete:
            if cursor < text.count { text.remove(at: cursor) }
        case .killToEnd: text.removeSubrange(cursor...)
        case .killToStart:
            text.removeSubrange(..<cursor)
            cursor = 0
        case .deleteWord:
            var start = cursor
            while start > 0, text[start - 1] == " " { start -= 1 }
            while start > 0, text[start - 1] != " " { start -= 1 }
            text.removeSubrange(start..<cursor)
            cursor = start
        case .up:
            guard place > 0 else { break }
            if place == history.count { typed = text }
            place -= 1
            text = Array(history[place])
            cursor = text.count
        case .down:
            guard place < history.count else { break }
            place += 1
            text = place == history.count ? typed : Array(history[place])
            cursor = text.count
        case .enter: return .done(String(text))
        case .endOfInput:
            if text.isEmpty { return .endOfInput }
            if cursor < text.count { text.remove(at: cursor) }
        case .ignored: break
        }
        return .editing
    }

    /// Reads the keys in `bytes` from `start`: the key, and how many bytes it took (nil when
    /// more bytes are needed to finish it).
    static func key(in bytes: [UInt8], at start: Int) -> (Key, Int)? {
        guard start < bytes.count else { return nil }
        let byte = bytes[start]
        switch byte {
        case 0x01: return (.home, 1)
        case 0x02: return (.left, 1)
        case 0x04: return (.endOfInput, 1)
        case 0x05: return (.end, 1)
        case 0x06: return (.right, 1)
        case 0x08, 0x7F: return (.backspace, 1)
        case 0x0A, 0x0D: return (.enter, 1)
        case 0x0B: return (.killToEnd, 1)
        case 0x0E: return (.down, 1)
        case 0x10: return (.up, 1)
        case 0x15: return (.killToStart, 1)
        case 0x17: return (.deleteWord, 1)
        case 0x1B: return escape(in: bytes, at: start)
        case ..<0x20: return (.ignored, 1)
        case ..<0x80: return (.character(Character(Unicode.Scalar(byte))), 1)
        default:
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            guard start + length <= bytes.count else { return nil }
            let text = String(decoding: bytes[start..<start + length], as: UTF8.self)
            guard let character = text.first, !text.unicodeScalars.contains(where: \.isHiddenControlScalar) else {
                return (.ignored, length)
            }
            return (.character(character), length)
        }
    }

    /// An escape sequence: `ESC [ ... final` or `ESC O x`; anything else is ignored whole.
    private static func escape(in bytes: [UInt8], at start: Int) -> (Key, Int)? {
        guard start + 1 < bytes.count else { return nil }
        let kind = bytes[start + 1]
        if kind == UInt8(ascii: "O") {
            guard start + 2 < bytes.count else { return nil }
            let names: [UInt8: Key] = [0x41: .up, 0x42: .down, 0x43: .right, 0x44: .left, 0x48: .home, 0x46: .end]
            return (names[bytes[start + 2]] ?? .ignored, 3)
        }
        guard kind == UInt8(ascii: "[") else { return (.ignored, 2) }
        var end = start + 2
        while end < bytes.count, !(0x40...0x7E).contains(bytes[end]) { end += 1 }
        guard end < bytes.count else { return nil }
        let parameters = String(decoding: bytes[(start + 2)..<end], as: UTF8.self)
        let key: Key
        switch (bytes[end], parameters) {
        case (0x41, _): key = .up
        case (0x42, _): key = .down
        case (0x43, _): key = .right
        case (0x44, _): key = .left
        case (0x48, _): key = .home
        case (0x46, _): key = .end
        case (0x7E, "1"), (0x7E, "7"): key = .home
        case (0x7E, "4"), (0x7E, "8"): key = .end
        case (0x7E, "3"): key = .delete
        default: key = .ignored
        }
        return (key, end - start + 1)
    }
}

extension Unicode.Scalar {
    /// A control or invisible format character, which the editor never puts in a line.
    fileprivate var isHiddenControlScalar: Bool {
        properties.generalCategory == .control || properties.generalCategory == .format
    }
}

/// Reads one line at a time from a terminal with `LineEdit`, drawing the line after the prompt.
final class LineEditor {
    /// The terminal's settings before the editor changed them, restored after each line and
    /// by the signal handlers (`restoreTerminal` is safe to call from one).
    nonisolated(unsafe) private static var saved = termios()
    nonisolated(unsafe) private static var changed = false

    private var history: [String] = []
    private var pending: [UInt8] = []
    private var finished = false

    /// True when a line editor fits: standard input and output are terminals and `TERM`
    /// is set and not `dumb`.
    static func fits(environment: [String: String]) -> Bool {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { return false }
        guard let term = environment["TERM"], !term.isEmpty, term != "dumb" else { return false }
        return true
    }

    /// Puts back the terminal's settings (for signal handlers: only async-signal-safe calls).
    static func restoreTerminal() {
        if changed { _ = tcsetattr(STDIN_FILENO, TCSANOW, &saved) }
    }

    /// Stops the terminal from echoing and gathering lines itself, for the rest of the run:
    /// keys typed ahead of a prompt wait for the editor instead of being echoed twice. The
    /// settings are put back at exit and by the signal handlers.
    static func enterRawMode() {
        guard !changed, tcgetattr(STDIN_FILENO, &saved) == 0 else { return }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO | IEXTEN)
        raw.c_iflag &= ~tcflag_t(IXON | ICRNL)
        changed = true
        _ = tcsetattr(STDIN_FILENO, TCSANOW, &raw)
        atexit { LineEditor.restoreTerminal() }
    }

    /// The next line, or nil at end of input. `prompt` is the screen's last line, which
    /// `flush` shows once the terminal is set up; `write` sends bytes to the terminal.
    func readLine(prompt: String, flush: () -> Void, write: (String) -> Void) -> String? {
        guard !finished else {
            flush()
            return nil
        }
        Self.enterRawMode()
        // The prompt goes out only once keys are no longer echoed by the terminal itself.
        flush()
        var edit = LineEdit(history: history)
        var drawn = 0
        while true {
            while let (key, used) = LineEdit.key(in: pending, at: 0) {
                pending.removeFirst(used)
                switch edit.apply(key) {
                case .editing:
                    drawn = redraw(edit, prompt: prompt, drawn: drawn, write: write)
                case .done(let line):
                    // The whole answer stays on the screen as typed (it may wrap now: nothing
                    // is drawn over it again).
                    write("\r" + prompt + line + "\u{1B}[K\r\n")
                    if !line.trimmingCharacters(in: .whitespaces).isEmpty && history.last != line {
                        history.append(line)
                    }
                    return String(line.prefix(LineReader.limit))
                case .endOfInput:
                    write("\r\n")
                    finished = true
                    return nil
                }
            }
            var chunk = [UInt8](repeating: 0, count: 1024)
            let count = read(STDIN_FILENO, &chunk, chunk.count)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 {
                finished = true
                write("\r\n")
                let line = String(edit.text)
                return line.isEmpty ? nil : line
            }
            pending += chunk[..<count]
        }
    }

    /// Draws the prompt and the line, and puts the cursor in its place.
    ///
    /// The line stays on one row of the terminal: a line too long for it scrolls sideways
    /// around the cursor (a `<` marks text off the left edge), so a long answer never wraps
    /// and leaves copies of itself on the rows above.
    private func redraw(_ edit: LineEdit, prompt: String, drawn: Int, write: (String) -> Void) -> Int {
        let window = LineEdit.window(
            text: edit.text, cursor: edit.cursor, room: Self.columns() - 1 - prompt.count)
        var out = "\r" + prompt + window.shown + "\u{1B}[K"
        let back = window.shown.count - window.cursor
        if back > 0 { out += "\u{1B}[\(back)D" }
        write(out)
        return edit.text.count
    }

    /// The terminal's width now (it may change while the person types), or 80.
    private static func columns() -> Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }
}
