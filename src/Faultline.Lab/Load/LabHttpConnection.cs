using System.Buffers;
using System.Buffers.Text;
using System.Net.Sockets;
using System.Text;
using Faultline.Core.Gateway;

namespace Faultline.Lab.Load;

/// <summary>
/// One HTTP/1.1 connection of <see cref="LabHttpClient"/>: it writes a prepared <c>GET</c> and reads the response's
/// status, the answering region (<c>x-faultline-region</c>) and, only when that header is missing, the body. Reads and
/// writes go straight to the socket through one pooled buffer, and a response that arrives whole is read in one method,
/// so a request costs one state machine and next to no other garbage. Not thread-safe: the pool hands a connection to
/// one request at a time.
/// </summary>
internal sealed class LabHttpConnection : IDisposable
{
    // Larger header blocks than this are not an answer of the lab's gateway: the response is malformed.
    private const int MaxHeaderBytes = 64 * 1024;

    // A body read for its text (no region header) larger than this is counted as an error rather than buffered.
    private const int MaxBodyBytes = 4 * 1024 * 1024;

    private const int BufferBytes = 4096;

    private static ReadOnlySpan<byte> HeaderEnd => "\r\n\r\n"u8;

    private static ReadOnlySpan<byte> LineEnd => "\r\n"u8;

    private static readonly byte[] RegionHeader = Encoding.ASCII.GetBytes(GatewayResponses.RegionHeader);

    private readonly LabHttpClient _owner;
    private readonly Socket _socket;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
    private int _start;
    private int _end;

    /// <summary>Wraps a connected socket.</summary>
    public LabHttpConnection(LabHttpClient owner, Socket socket, long openedAt)
    {
        _owner = owner;
        _socket = socket;
        IdleSince = openedAt;
    }

    /// <summary>When it was last handed back to the pool (a timestamp of the lab clock).</summary>
    public long IdleSince { get; set; }

    /// <summary>Sends <paramref name="request"/>, reads the whole response and returns the connection to its pool (kept or closed).</summary>
    /// <exception cref="IOException">The connection failed or the response is not HTTP/1.1 the lab can read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; the connection is then unusable.</exception>
    public async ValueTask<LabHttpResponse> ExchangeAsync(ReadOnlyMemory<byte> request, LabRegionNames regions, CancellationToken cancellationToken)
    {
        var reusable = false;
        try
        {
            await _socket.SendAsync(request, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            LabHttpHead head;
            while (true)
            {
                // The header block, received here rather than in a helper: each await that suspends in a method of its
                // own would cost that method's state machine per request.
                int headerLength;
                while ((headerLength = HeadLength()) < 0)
                {
                    MakeRoom();
                    var received = await _socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, cancellationToken).ConfigureAwait(false);
                    if (received == 0)
                    {
                        throw new IOException(_end == _start
                            ? "The server closed the connection without answering."
                            : "The server closed the connection in the middle of the response's headers.");
                    }

                    _end += received;
                }

                head = ParseHead(_buffer.AsSpan(_start, headerLength), regions);
                _start += headerLength;

                // An interim answer (100 Continue) precedes the real one.
                if (head.StatusCode >= 200)
                {
                    break;
                }
            }

            string? body = null;
            if (head.Chunked)
            {
                body = await ReadChunkedAsync(keep: head.Region is null, cancellationToken).ConfigureAwait(false);
            }
            else if (head.ContentLength is { } length)
            {
                body = await ReadFixedAsync(length, keep: head.Region is null, cancellationToken).ConfigureAwait(false);
            }
            else if (head.StatusCode is not (204 or 304))
            {
                // Neither length nor chunks: the body runs to the end of the connection.
                body = await ReadToEndAsync(keep: head.Region is null, cancellationToken).ConfigureAwait(false);
                head = head with { KeepAlive = false };
            }

            reusable = head.KeepAlive && _start == _end;
            return new LabHttpResponse(head.StatusCode, head.Region ?? (body is null ? null : LoadPopulation.RegionFromBody(body)));
        }
        catch (SocketException ex)
        {
            throw new IOException(ex.Message, ex);
        }
        finally
        {
            // A connection that ended in an error, a reset or a cancellation is closed.
            _owner.Return(this, reusable);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _socket.Dispose();
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // The length of the buffered header block through its blank line; -1 while it is incomplete.
    private int HeadLength()
    {
        var at = _buffer.AsSpan(_start, _end - _start).IndexOf(HeaderEnd);
        if (at >= 0)
        {
            return at + HeaderEnd.Length;
        }

        return _end - _start >= MaxHeaderBytes
            ? throw new IOException($"The response's headers are longer than {MaxHeaderBytes} bytes.")
            : -1;
    }

    // Makes room after the buffered bytes: moves them to the front, or takes a larger buffer when they fill it.
    private void MakeRoom()
    {
        if (_start > 0 && _start == _end)
        {
            _start = _end = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            else
            {
                var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
                Buffer.BlockCopy(_buffer, 0, larger, 0, _end);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = larger;
            }
        }
    }

    // Receives more bytes after the buffered ones, making room first; returns how many arrived (0: the server closed).
    private async ValueTask<int> ReceiveAsync(CancellationToken cancellationToken)
    {
        MakeRoom();
        var received = await _socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, cancellationToken).ConfigureAwait(false);
        _end += received;
        return received;
    }

    private async ValueTask<string?> ReadFixedAsync(long length, bool keep, CancellationToken cancellationToken)
    {
        if (keep && length > MaxBodyBytes)
        {
            throw new IOException($"The response's body ({length} bytes) is larger than the {MaxBodyBytes} bytes the lab reads for its region.");
        }

        var text = keep ? new ArrayBufferWriter<byte>((int)Math.Max(1, length)) : null;
        await TakeAsync(length, text, "The server closed the connection before the response's body was complete.", cancellationToken).ConfigureAwait(false);
        return text is null ? null : Encoding.UTF8.GetString(text.WrittenSpan);
    }

    // Takes the body's next `length` bytes (into `text` when it is kept), receiving as needed.
    private async ValueTask TakeAsync(long length, ArrayBufferWriter<byte>? text, string whenCut, CancellationToken cancellationToken)
    {
        var left = length;
        while (left > 0)
        {
            if (_start == _end && await ReceiveAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                throw new IOException(whenCut);
            }

            var take = (int)Math.Min(left, _end - _start);
            text?.Write(_buffer.AsSpan(_start, take));
            _start += take;
            left -= take;
        }
    }

    private async ValueTask<string?> ReadChunkedAsync(bool keep, CancellationToken cancellationToken)
    {
        var text = keep ? new ArrayBufferWriter<byte>() : null;
        while (true)
        {
            var size = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
            var chunk = ChunkSize(_buffer.AsSpan(_start, size));
            _start += size + LineEnd.Length;
            if (chunk == 0)
            {
                // Trailers, if any, end with a blank line.
                while (await ReadLineAsync(cancellationToken).ConfigureAwait(false) is var trailer && trailer > 0)
                {
                    _start += trailer + LineEnd.Length;
                }

                _start += LineEnd.Length;
                return text is null ? null : Encoding.UTF8.GetString(text.WrittenSpan);
            }

            if (text is not null && text.WrittenCount + chunk > MaxBodyBytes)
            {
                throw new IOException($"The response's body is larger than the {MaxBodyBytes} bytes the lab reads for its region.");
            }

            await TakeAsync(chunk, text, "The server closed the connection in the middle of a chunk.", cancellationToken).ConfigureAwait(false);

            if (await ReadLineAsync(cancellationToken).ConfigureAwait(false) != 0)
            {
                throw new IOException("The response's chunked body has data past a chunk's size.");
            }

            _start += LineEnd.Length;
        }
    }

    // The length of the next line at the read position (without its CRLF), receiving until it is whole.
    private async ValueTask<int> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var at = _buffer.AsSpan(_start, _end - _start).IndexOf(LineEnd);
            if (at >= 0)
            {
                return at;
            }

            if (_end - _start >= MaxHeaderBytes)
            {
                throw new IOException("The response's chunked body has a line that never ends.");
            }

            if (await ReceiveAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                throw new IOException("The server closed the connection in the middle of a chunked body.");
            }
        }
    }

    private async ValueTask<string?> ReadToEndAsync(bool keep, CancellationToken cancellationToken)
    {
        var text = keep ? new ArrayBufferWriter<byte>() : null;
        while (true)
        {
            text?.Write(_buffer.AsSpan(_start, _end - _start));
            _start = _end;
            if (text is not null && text.WrittenCount > MaxBodyBytes)
            {
                throw new IOException($"The response's body is larger than the {MaxBodyBytes} bytes the lab reads for its region.");
            }

            if (await ReceiveAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                return text is null ? null : Encoding.UTF8.GetString(text.WrittenSpan);
            }
        }
    }

    // A chunk-size line: hex digits, then optional extensions after ';'.
    private static long ChunkSize(ReadOnlySpan<byte> line)
    {
        var extension = line.IndexOf((byte)';');
        var digits = extension >= 0 ? line[..extension] : line;
        return Utf8Parser.TryParse(digits, out long chunk, out var used, 'X') && used == digits.Length && chunk >= 0
            ? chunk
            : throw new IOException("The response's chunked body has a malformed chunk size.");
    }

    // The status line and the headers the lab needs, from a whole header block (through its blank line).
    private static LabHttpHead ParseHead(ReadOnlySpan<byte> block, LabRegionNames regions)
    {
        var statusEnd = block.IndexOf(LineEnd);
        var status = block[..statusEnd];

        // HTTP/1.x SSS[ reason]
        if (status.Length < 12 || !status.StartsWith("HTTP/1."u8) || status[8] != (byte)' '
            || !Utf8Parser.TryParse(status.Slice(9, 3), out int code, out var digits) || digits != 3 || code is < 100 or > 599
            || (status.Length > 12 && status[12] != (byte)' '))
        {
            throw new IOException("The response does not start with an HTTP/1.1 status line.");
        }

        var keepAlive = status[7] == (byte)'1';
        long? contentLength = null;
        var chunked = false;
        string? region = null;
        var rest = block[(statusEnd + LineEnd.Length)..];
        while (true)
        {
            var end = rest.IndexOf(LineEnd);
            if (end <= 0)
            {
                break;
            }

            var line = rest[..end];
            rest = rest[(end + LineEnd.Length)..];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                throw new IOException("The response has a header line without a name.");
            }

            var name = line[..colon];
            var value = line[(colon + 1)..].Trim(" \t"u8);
            if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
            {
                if (!Utf8Parser.TryParse(value, out long length, out var used) || used != value.Length || length < 0)
                {
                    throw new IOException("The response's Content-Length is not a number.");
                }

                contentLength = length;
            }
            else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
            {
                chunked = value.Length >= 7 && Ascii.EqualsIgnoreCase(value[^7..], "chunked"u8);
            }
            else if (Ascii.EqualsIgnoreCase(name, "Connection"u8))
            {
                if (Ascii.EqualsIgnoreCase(value, "close"u8))
                {
                    keepAlive = false;
                }
                else if (Ascii.EqualsIgnoreCase(value, "keep-alive"u8))
                {
                    keepAlive = true;
                }
            }
            else if (Ascii.EqualsIgnoreCase(name, RegionHeader))
            {
                region = regions.Of(value);
            }
        }

        return new LabHttpHead(code, contentLength, chunked, keepAlive, region);
    }

    private readonly record struct LabHttpHead(int StatusCode, long? ContentLength, bool Chunked, bool KeepAlive, string? Region);
}
