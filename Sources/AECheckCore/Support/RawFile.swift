import AECheckLanguage
import Foundation

/// Reads whole files strictly: a regular file or nothing, never more than a limit, and a
/// reason a person can act on when it cannot be read.
///
/// `FileManager.contents(atPath:)` gives nil for a file it cannot read and reads a FIFO or
/// a device until it ends (maybe never); here a dangling link, a file without read
/// permission, a folder, a FIFO or a device is a refusal with its reason.
enum RawFile {
    /// Why a file cannot be read.
    struct Problem: Error, Equatable, Sendable {
        var message: String
    }

    /// The bytes of the regular file at `path` (links are followed), at most `limit` of them.
    static func read(path: String, limit: Int) -> Result<[UInt8], Problem> {
        // Non-blocking, so that opening a FIFO does not wait for a writer.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(Problem(message: String(cString: strerror(errno)))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            return .failure(Problem(message: String(cString: strerror(errno))))
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            let kind =
                switch status.st_mode & S_IFMT {
                case S_IFDIR: "a folder"
                case S_IFIFO: "a FIFO"
                case S_IFCHR, S_IFBLK: "a device"
                case S_IFSOCK: "a socket"
                default: "not a regular file"
                }
            return .failure(Problem(message: kind == "not a regular file" ? kind : "it is \(kind), not a regular file"))
        }
        let (bytes, error) = readAll(descriptor, limit: limit)
        if error != 0 { return .failure(Problem(message: String(cString: strerror(error)))) }
        return .success(bytes)
    }

    /// What a descriptor gives until its end, at most `limit` bytes.
    static func read(descriptor: Int32, limit: Int) -> [UInt8] {
        readAll(descriptor, limit: limit).bytes
    }

    /// The bytes up to the end or `limit`, and the error that stopped the reading (0 when none).
    private static func readAll(_ descriptor: Int32, limit: Int) -> (bytes: [UInt8], error: Int32) {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while bytes.count < limit {
            let wanted = min(chunk.count, limit - bytes.count)
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, wanted) }
            if count < 0 {
                if errno == EINTR { continue }
                return (bytes, errno)
            }
            if count == 0 { break }
            bytes += chunk[..<count]
        }
        return (bytes, 0)
    }
}
