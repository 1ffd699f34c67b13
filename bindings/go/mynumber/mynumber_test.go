package mynumber

import (
	"errors"
	"strconv"
	"strings"
	"testing"
)

// Test vectors: the fixed ones of data/numbers/vectors.tsv, each listed there with its source.

func TestVersion(t *testing.T) {
	parts := strings.Split(Version(), ".")
	if len(parts) != 3 {
		t.Fatalf("version %q", Version())
	}
}

func TestValidate(t *testing.T) {
	for _, s := range []string{"123456789018", "621498320257", "873321641958", "000000000019"} {
		if err := Validate(Individual, s, 0); err != nil || !IsValid(Individual, s) {
			t.Errorf("%s: %v", s, err)
		}
	}
	for _, s := range []string{"7000012050002", "1180301018771", "8700110005901"} {
		if err := Validate(Corporate, s, 0); err != nil {
			t.Errorf("%s: %v", s, err)
		}
	}
	err := Validate(Individual, "123456789012", 0)
	var e *Error
	if !errors.As(err, &e) || e.Status != ErrCheckDigitMismatch || e.Position != 11 || e.Expected != 8 {
		t.Fatalf("got %#v", err)
	}
	if msg := err.Error(); msg != "mynumber: check digit mismatch at position 11: expected check digit 8" {
		t.Errorf("message %q", msg)
	}
	if err := Validate(Individual, "1234 5678 9018", Lenient); err != nil {
		t.Errorf("lenient: %v", err)
	}
	if err := Validate(Individual, "123456\x00789018", 0); !errors.As(err, &e) || e.Status != ErrInvalidCharacter || e.Position != 6 {
		t.Errorf("embedded NUL: %v", err)
	}
	if err := Validate(Individual, "\xff123456789018", Lenient); !errors.As(err, &e) || e.Status != ErrInvalidUTF8 {
		t.Errorf("invalid UTF-8: %v", err)
	}
	if err := Validate(Individual, "", 0); !errors.As(err, &e) || e.Status != ErrEmpty {
		t.Errorf("empty: %v", err)
	}
	if err := Validate(Individual, strings.Repeat("1", 1<<20), 0); !errors.As(err, &e) || e.Status != ErrTooLong {
		t.Errorf("overlong: %v", err)
	}
	if err := Validate(Kind(9), "123456789018", 0); !errors.As(err, &e) || e.Status != ErrInvalidArgument {
		t.Errorf("bad kind: %v", err)
	}
}

func TestCheckDigitFormatNormalize(t *testing.T) {
	if d, err := CheckDigit(Individual, "12345678901"); d != 8 || err != nil {
		t.Errorf("check digit %d %v", d, err)
	}
	if d, err := CheckDigit(Corporate, "000012050002"); d != 7 || err != nil {
		t.Errorf("check digit %d %v", d, err)
	}
	if s, err := Format(Individual, "123456789018", 0); s != "**** **** 9018" || err != nil {
		t.Errorf("format %q %v", s, err)
	}
	if s, err := Format(Corporate, "7000012050002", Reveal); s != "7-0000-1205-0002" || err != nil {
		t.Errorf("format %q %v", s, err)
	}
	if s, err := Mask(Individual, "123456789018", 0, -1, 0); s != "********9018" || err != nil {
		t.Errorf("mask %q %v", s, err)
	}
	if s, err := Normalize("１２３４-5678 9018"); s != "123456789018" || err != nil {
		t.Errorf("normalize %q %v", s, err)
	}
	// A result longer than the first 64-byte buffer takes the second call.
	long := strings.Repeat("１", 100)
	if s, err := Normalize(long); s != strings.Repeat("1", 100) || err != nil {
		t.Errorf("normalize long: %d %v", len(s), err)
	}
}

func TestConversions(t *testing.T) {
	if s, err := ToPeppol("T7000012050002", 0); s != "iso6523-actorid-upis::0221:T7000012050002" || err != nil {
		t.Errorf("peppol %q %v", s, err)
	}
	if s, err := ToISO6523("1180301018771", 0); s != "0188:1180301018771" || err != nil {
		t.Errorf("iso6523 %q %v", s, err)
	}
	if icd, s, err := FromPeppol("iso6523-actorid-upis::0188:7000012050002"); icd != 188 || s != "7000012050002" || err != nil {
		t.Errorf("from peppol %d %q %v", icd, s, err)
	}
	if s, err := InvoiceFromCorporate("7000012050002"); s != "T7000012050002" || err != nil {
		t.Errorf("invoice %q %v", s, err)
	}
	var e *Error
	if _, _, err := FromPeppol("iso6523-actorid-upis::9999:1"); !errors.As(err, &e) || e.Status != ErrUnknownScheme {
		t.Errorf("bad scheme %v", err)
	}
}

func TestBulk(t *testing.T) {
	buf := []byte("123456789018\n123456789012\r\n\n7000012050002\n621498320257")
	status := make([]uint8, 8)
	c, err := ValidateLines(Individual, buf, status)
	if err != nil || c.Records != 5 || c.Valid != 2 || c.Invalid != 3 {
		t.Fatalf("%+v %v", c, err)
	}
	want := []uint8{0, 5, 1, 3, 0}
	for i, w := range want {
		if status[i] != w {
			t.Errorf("status[%d] = %d, want %d", i, status[i], w)
		}
	}
	if c, err := ValidateLines(Individual, nil, nil); err != nil || c.Records != 0 {
		t.Errorf("empty: %+v %v", c, err)
	}
}

// mt19937_64 is an independent std::mt19937_64 ([rand.predef]) for checking Generate.
type mt19937_64 struct {
	state [312]uint64
	index int
}

func newMT(seed uint64) *mt19937_64 {
	m := &mt19937_64{index: 312}
	m.state[0] = seed
	for i := 1; i < 312; i++ {
		m.state[i] = 6364136223846793005*(m.state[i-1]^(m.state[i-1]>>62)) + uint64(i)
	}
	return m
}

func (m *mt19937_64) next() uint64 {
	if m.index >= 312 {
		for i := 0; i < 312; i++ {
			x := (m.state[i] & 0xFFFFFFFF80000000) | (m.state[(i+1)%312] & 0x7FFFFFFF)
			xa := x >> 1
			if x&1 != 0 {
				xa ^= 0xB5026F5AA96619E9
			}
			m.state[i] = m.state[(i+156)%312] ^ xa
		}
		m.index = 0
	}
	y := m.state[m.index]
	m.index++
	y ^= (y >> 29) & 0x5555555555555555
	y ^= (y << 17) & 0x71D67FFFEDA60000
	y ^= (y << 37) & 0xFFF7EEE000000000
	y ^= y >> 43
	return y
}

func TestMT19937Reference(t *testing.T) {
	// The C++ standard requires the 10000th output of a default-seeded (5489) mt19937_64 to be this.
	m := newMT(5489)
	var v uint64
	for i := 0; i < 10000; i++ {
		v = m.next()
	}
	if v != 9981545732273789042 {
		t.Fatalf("reference engine broken: %d", v)
	}
}

func TestGenerateMatchesReference(t *testing.T) {
	for _, kind := range []Kind{Individual, Corporate} {
		got, err := Generate(kind, 42, 50)
		if err != nil {
			t.Fatal(err)
		}
		m := newMT(42)
		const limit = ^uint64(0) - (^uint64(0)%10+1)%10
		baseLen := 11
		if kind == Corporate {
			baseLen = 12
		}
		for i, number := range got {
			var base strings.Builder
			for base.Len() < baseLen {
				if d := m.next(); d <= limit {
					base.WriteByte(byte('0' + d%10))
				}
			}
			check, err := CheckDigit(kind, base.String())
			if err != nil {
				t.Fatal(err)
			}
			want := base.String() + strconv.Itoa(check)
			if kind == Corporate {
				want = strconv.Itoa(check) + base.String()
			}
			if number != want || !IsValid(kind, number) {
				t.Fatalf("kind %d #%d: got %s, want %s", kind, i, number, want)
			}
		}
		g := NewGenerator(42)
		for i := 0; i < 5; i++ {
			if s, err := g.Next(kind, -1); s != got[i] || err != nil {
				t.Errorf("generator #%d: %s %v", i, s, err)
			}
		}
		g.Close()
	}
	var e *Error
	g := NewGenerator(1)
	defer g.Close()
	if _, err := g.Next(Corporate, 0); !errors.As(err, &e) || e.Status != ErrInvalidArgument {
		t.Errorf("corporate check digit 0: %v", err)
	}
}
