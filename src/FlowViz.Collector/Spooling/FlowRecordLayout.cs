using System.Buffers.Binary;
using FlowViz.Core.Flows;

namespace FlowViz.Collector.Spooling;

/// <summary>
/// A <see cref="FlowRecord"/> in the spool, field by field in declaration order, little-endian, times as UTC
/// ticks, addresses as their two 64-bit halves. Written out explicitly (not the struct's memory) so the bytes do not
/// change when the struct's layout or padding does. A new field in <see cref="FlowRecord"/> means a new
/// <see cref="Version"/>; FlowRecordLayoutTests fails until then.
/// </summary>
internal static class FlowRecordLayout
{
    public const ushort Version = 2;

    /// <summary>Layout 1 plus two countries (2 × 2), the application (1 length byte + 31) and the traffic direction (1).</summary>
    public const int RecordSize = 163 + 4 + 1 + FlowRecord.MaxApplicationBytes + 1;

    public static void Write(in FlowRecord flow, Span<byte> destination)
    {
        var w = new Cursor(destination[..RecordSize]);
        w.I64(flow.TimeReceived.Ticks);
        w.I64(flow.TimeStart.Ticks);
        w.I64(flow.TimeEnd.Ticks);
        w.Address(flow.Exporter);
        w.U32(flow.ObservationDomainId);
        w.U8((byte)flow.FlowProtocol);
        w.Address(flow.SrcAddr);
        w.Address(flow.DstAddr);
        w.Address(flow.NextHop);
        w.U16(flow.SrcPort);
        w.U16(flow.DstPort);
        w.U8(flow.Protocol);
        w.U8(flow.TcpFlags);
        w.U8(flow.Tos);
        w.U32(flow.InputInterface);
        w.U32(flow.OutputInterface);
        w.U64(flow.Bytes);
        w.U64(flow.Packets);
        w.U32(flow.SamplingRate);
        w.U32(flow.SrcAs);
        w.U32(flow.DstAs);
        w.U8(flow.SrcMask);
        w.U8(flow.DstMask);
        w.U16(flow.SrcVlan);
        w.U16(flow.DstVlan);
        w.U8((byte)flow.Direction);
        w.U64(flow.SrcMac);
        w.U64(flow.DstMac);
        w.U32(flow.MplsLabel);
        w.U16(flow.SrcCountry);
        w.U16(flow.DstCountry);
        w.Text(flow.Application);
        w.U8((byte)flow.TrafficDirection);
    }

    public static FlowRecord Read(ReadOnlySpan<byte> source)
    {
        var r = new Reader(source[..RecordSize]);
        return new FlowRecord
        {
            TimeReceived = r.Time(),
            TimeStart = r.Time(),
            TimeEnd = r.Time(),
            Exporter = r.Address(),
            ObservationDomainId = r.U32(),
            FlowProtocol = (FlowProtocol)r.U8(),
            SrcAddr = r.Address(),
            DstAddr = r.Address(),
            NextHop = r.Address(),
            SrcPort = r.U16(),
            DstPort = r.U16(),
            Protocol = r.U8(),
            TcpFlags = r.U8(),
            Tos = r.U8(),
            InputInterface = r.U32(),
            OutputInterface = r.U32(),
            Bytes = r.U64(),
            Packets = r.U64(),
            SamplingRate = r.U32(),
            SrcAs = r.U32(),
            DstAs = r.U32(),
            SrcMask = r.U8(),
            DstMask = r.U8(),
            SrcVlan = r.U16(),
            DstVlan = r.U16(),
            Direction = (FlowDirection)r.U8(),
            SrcMac = r.U64(),
            DstMac = r.U64(),
            MplsLabel = r.U32(),
            SrcCountry = r.U16(),
            DstCountry = r.U16(),
            Application = r.Text(),
            TrafficDirection = (TrafficDirection)r.U8(),
        };
    }

    private ref struct Cursor(Span<byte> span)
    {
        private Span<byte> _rest = span;

        public void U8(byte value) => Advance(1)[0] = value;
        public void U16(ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(Advance(2), value);
        public void U32(uint value) => BinaryPrimitives.WriteUInt32LittleEndian(Advance(4), value);
        public void U64(ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(Advance(8), value);
        public void I64(long value) => BinaryPrimitives.WriteInt64LittleEndian(Advance(8), value);

        public void Address(FlowAddress address)
        {
            U64(address.High);
            U64(address.Low);
        }

        /// <summary>A length byte (255: null) and the UTF-8 bytes, zero-padded to a fixed size.</summary>
        public void Text(string? value)
        {
            var field = Advance(1 + FlowRecord.MaxApplicationBytes);
            field.Clear();
            if (value is null)
            {
                field[0] = byte.MaxValue;
                return;
            }
            field[0] = (byte)System.Text.Encoding.UTF8.GetBytes(value, field[1..]);
        }

        private Span<byte> Advance(int size)
        {
            var field = _rest[..size];
            _rest = _rest[size..];
            return field;
        }
    }

    private ref struct Reader(ReadOnlySpan<byte> span)
    {
        private ReadOnlySpan<byte> _rest = span;

        public byte U8() => Advance(1)[0];
        public ushort U16() => BinaryPrimitives.ReadUInt16LittleEndian(Advance(2));
        public uint U32() => BinaryPrimitives.ReadUInt32LittleEndian(Advance(4));
        public ulong U64() => BinaryPrimitives.ReadUInt64LittleEndian(Advance(8));

        // The collector's times are UTC; ticks outside DateTime's range can only come from damage the CRC missed.
        public DateTime Time() => new(Math.Clamp(BinaryPrimitives.ReadInt64LittleEndian(Advance(8)), 0, DateTime.MaxValue.Ticks), DateTimeKind.Utc);

        public FlowAddress Address() => new(U64(), U64());

        public string? Text()
        {
            var field = Advance(1 + FlowRecord.MaxApplicationBytes);
            return field[0] == byte.MaxValue
                ? null
                : ApplicationNames.Intern(field.Slice(1, Math.Min((int)field[0], FlowRecord.MaxApplicationBytes)));
        }

        private ReadOnlySpan<byte> Advance(int size)
        {
            var field = _rest[..size];
            _rest = _rest[size..];
            return field;
        }
    }
}
