import AECheckLanguage
import Foundation

/// Writes records so that a crash at any moment leaves either the old or the new file whole,
/// and never writes through a link or over a file that is not the session's own record.
///
/// The bytes go to a new temporary file in the record's folder, made with a random name,
/// exclusively and without following links (`O_CREAT | O_EXCL | O_NOFOLLOW`, mode 0600);
/// it is flushed to disk and then renamed over the target, and the folder is flushed too.
public enum RecordFile {
    /// Which file a record is: its device and inode, to tell the session's own record from
    /// a file put in its place.
    public struct Identity: Equatable, Sendable {
        var device: UInt64
        var inode: UInt64
        /// Size and modification time too: a file deleted and replaced at once may be given
        /// the freed inode number again.
        var size: Int64
        var modifiedSeconds: Int
        var modifiedNanoseconds: Int
    }

    /// What stands at a path before a new session writes its record there.
    public enum Existing: Equatable, Sendable {
        /// Nothing: the path is free.
        case nothing
        /// A regular file (maybe a record, maybe not).
        case file
        /// A link, folder, FIFO, device or socket.
        case other(String)
    }

    /// What is at `path`, without following a link.
    public static func existing(_ path: String) -> Existing {
        var status = stat()
        guard lstat(path, &status) == 0 else { return errno == ENOENT ? .nothing : .other("unreadable") }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFLNK: return .other("a link")
        case S_IFDIR: return .other("a folder")
        case S_IFIFO: return .other("a FIFO")
        case S_IFCHR, S_IFBLK: return .other("a device")
        default: return .other("not a regular file")
        }
    }

    /// The identity of the regular file at `path` (links not followed); nil when there is none.
    public static func identity(of path: String) -> Identity? {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        return Identity(
            device: UInt64(status.st_dev), inode: UInt64(status.st_ino), size: Int64(status.st_size),
            modifiedSeconds: Int(status.st_mtim.tv_sec), modifiedNanoseconds: Int(status.st_mtim.tv_nsec))
    }

    /// Writes `data` to `path` through a fresh temporary file. When `expected` is given, the
    /// file at `path` must still be that one (or be gone): a file put in its place is not
    /// replaced; without it (a new record) the path must hold nothing. Gives the identity of
    /// the file written.
    public static func write(_ data: Data, to path: String, replacing expected: Identity?) -> Result<
        Identity, RecordError
    > {
        let shown = path.visibleControls
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        switch existing(path) {
        case .nothing: break
        case .file:
            guard let expected, identity(of: path) == expected else {
                return .failure(RecordError("\(shown) is not this session's record any more; it was not overwritten"))
            }
        case .other(let kind):
            return .failure(RecordError("\(shown) is now \(kind); it was not overwritten"))
        }
        var temporary = ""
        var descriptor: Int32 = -1
        for _ in 0..<8 {
            let name = "." + url.lastPathComponent + "." + randomName() + ".tmp"
            temporary = (folder as NSString).appendingPathComponent(name)
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if descriptor >= 0 || errno != EEXIST { break }
        }
        guard descriptor >= 0 else {
            return .failure(RecordError("cannot write a temporary file beside \(shown): \(errorText())"))
        }
        let bytes = [UInt8](data)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return abandon(temporary, descriptor, "cannot write the record \(shown): \(errorText())")
            }
            offset += written
        }
        guard fsync(descriptor) == 0 else {
            return abandon(temporary, descriptor, "cannot write the record \(shown): \(errorText())")
        }
        var status = stat()
        fstat(descriptor, &status)
        let written = Identity(
            device: UInt64(status.st_dev), inode: UInt64(status.st_ino), size: Int64(status.st_size),
            modifiedSeconds: Int(status.st_mtim.tv_sec), modifiedNanoseconds: Int(status.st_mtim.tv_nsec))
        guard close(descriptor) == 0 else {
            unlink(temporary)
            return .failure(RecordError("cannot write the record \(shown): \(errorText())"))
        }
        guard rename(temporary, path) == 0 else {
            let message = errorText()
            unlink(temporary)
            return .failure(RecordError("cannot replace \(shown): \(message)"))
        }
        let directoryDescriptor = open(folder.isEmpty ? "." : folder, O_RDONLY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
        return .success(written)
    }

    /// Reads a whole record file (a regular file of at most 16 MiB), or says why not.
    public static func read(_ path: String) -> Result<Data, RecordError> {
        switch RawFile.read(path: path, limit: 16 << 20) {
        case .success(let bytes): return .success(Data(bytes))
        case .failure(let problem):
            return .failure(RecordError("cannot read \(path.visibleControls): \(problem.message)"))
        }
    }

    private static func abandon(_ temporary: String, _ descriptor: Int32, _ message: String) -> Result<
        Identity, RecordError
    > {
        close(descriptor)
        unlink(temporary)
        return .failure(RecordError(message))
    }

    /// Twelve random letters and digits.
    private static func randomName() -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<12).map { _ in alphabet.randomElement(using: &generator)! })
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}
