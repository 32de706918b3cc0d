"""How workers write questions, turned into the words the library uses.

Everything here works on folded text (no diacritics, lower case, see folding.fold_vietnamese):
members type "bhxh", "hdld", "ko dc", "tang ca" on phones; the library says "bảo hiểm xã hội",
"hợp đồng lao động", "không được", "làm thêm giờ". Written for this project from the way
questions reach union legal advisers; extend the maps as the learning report shows new words.
"""

from __future__ import annotations

from folding import folded_tokens

# Abbreviations and texting shorthand -> the words they stand for (replace the token).
ABBREVIATIONS: dict[str, str] = {
    "bhxh": "bao hiem xa hoi",
    "bhyt": "bao hiem y te",
    "bhtn": "bao hiem that nghiep",
    "tctn": "tro cap that nghiep",
    "hdld": "hop dong lao dong",
    "hdlđ": "hop dong lao dong",
    "hd": "hop dong",
    "nld": "nguoi lao dong",
    "nsdld": "nguoi su dung lao dong",
    "nsd": "nguoi su dung lao dong",
    "cdcs": "cong doan co so",
    "cd": "cong doan",
    "tnld": "tai nan lao dong",
    "bnn": "benh nghe nghiep",
    "attl": "an toan lao dong",
    "atvsld": "an toan ve sinh lao dong",
    "kpcd": "kinh phi cong doan",
    "cccd": "can cuoc cong dan",
    "cmnd": "chung minh nhan dan",
    "cty": "cong ty",
    "ct": "cong ty",
    "ko": "khong",
    "k": "khong",
    "kh": "khong",
    "kg": "khong",
    "hok": "khong",
    "hong": "khong",
    "dc": "duoc",
    "đc": "duoc",
    "dk": "duoc",
    "j": "gi",
    "ntn": "nhu the nao",
    "bn": "bao nhieu",
    "bnhieu": "bao nhieu",
    "bh": "bao hiem",
    "lg": "luong",
    "vs": "voi",
    "ng": "nguoi",
    "nv": "nhan vien",
    "tv": "thu viec",
    "tg": "thoi gian",
    "ot": "lam them gio",
    "sx": "san xuat",
    "ldtbxh": "lao dong thuong binh xa hoi",
    "t7": "thu bay",
    "cn": "chu nhat",
}

# Colloquial phrases -> the library's words for the same thing (added after the phrase).
PHRASES: dict[str, str] = {
    "tang ca": "lam them gio",
    "lam them": "lam them gio",
    "lam ca dem": "lam viec ban dem",
    "ca dem": "ban dem",
    "duoi viec": "sa thai cham dut hop dong",
    "bi duoi": "sa thai",
    "cho nghi viec": "cham dut hop dong",
    "cat giam": "mat viec lam ly do kinh te",
    "giam bien che": "mat viec lam",
    "co bau": "mang thai",
    "bau bi": "mang thai",
    "dang bau": "mang thai",
    "nghi de": "thai san sinh con",
    "sinh de": "thai san sinh con",
    "sinh con": "thai san",
    "de con": "sinh con thai san",
    "vo de": "vo sinh con",
    "sinh mo": "phau thuat sinh con",
    "no luong": "cham tra luong dung han",
    "cham luong": "tra luong cham dung han",
    "giam luong": "tru luong khau tru",
    "tru luong": "khau tru tien luong",
    "phat tien": "phat tien cat luong",
    "nghi phep": "nghi hang nam",
    "phep nam": "nghi hang nam",
    "ngay phep": "nghi hang nam",
    "nghi om": "om dau",
    "bi om": "om dau",
    "con om": "con om dau cham soc",
    "lanh bao hiem": "huong bao hiem",
    "rut bao hiem": "bao hiem xa hoi mot lan",
    "rut so": "bao hiem xa hoi mot lan",
    "chot so": "so bao hiem xa hoi",
    "nghi huu": "luong huu",
    "ve huu": "luong huu nghi huu",
    "do bao ho": "phuong tien bao ve ca nhan",
    "bao ho": "phuong tien bao ve ca nhan",
    "khau trang": "phuong tien bao ve ca nhan",
    "gang tay": "phuong tien bao ve ca nhan",
    "nguy hiem": "nguy co tai nan",
    "doc hai": "nang nhoc doc hai",
    "hoa chat": "doc hai",
    "kham suc khoe": "kham suc khoe dinh ky",
    "nghi cuoi": "ket hon",
    "dam cuoi": "ket hon",
    "cuoi vo": "ket hon",
    "cuoi chong": "ket hon",
    "lay vo": "ket hon",
    "lay chong": "ket hon",
    "tet": "nghi le tet",
    "nghi le": "le tet",
    "giu giay to": "giu ban chinh giay to tuy than",
    "giu bang": "giu van bang giay to",
    "giu can cuoc": "giu giay to tuy than",
    "dat coc": "dat coc tien tai san",
    "tien coc": "dat coc",
    "noi mieng": "loi noi",
    "thoa thuan mieng": "loi noi",
    "khong ky": "giao ket van ban",
    "that nghiep": "tro cap that nghiep",
    "bo viec": "tu y bo viec",
    "nghi khong phep": "tu y bo viec",
    "nghi ko phep": "tu y bo viec",
    "sep": "nguoi su dung lao dong",
    "quan ly": "nguoi su dung lao dong",
    "gio lam": "thoi gio lam viec",
    "may tieng": "bao nhieu gio",
    "tieng": "gio",
    "an trua": "nghi giua gio",
    "nghi giua ca": "nghi giua gio",
    "nghi an": "nghi giua gio",
    "vao cong doan": "gia nhap cong doan",
    "tham gia cong doan": "gia nhap hoat dong cong doan",
    "chu tich cong doan": "can bo cong doan",
    "quay roi": "quay roi tinh duc",
    "sam so": "quay roi tinh duc",
    "dong phi": "doan phi",
    "ky luat": "xu ly ky luat lao dong",
    "tro cap nghi viec": "tro cap thoi viec",
    "hop dong thoi vu": "hop dong xac dinh thoi han",
    "ky lai hop dong": "hop dong xac dinh thoi han",
    "luong co ban": "luong toi thieu",
    "luong thap": "luong toi thieu",
}

# Words that carry no meaning for matching a question to an answer (folded).
STOPWORDS = frozenset(
    """
    a ah oi nhe nha nhi vay the thi la ma va voi cua cho o tai tu den tren duoi trong ngoai
    toi em anh chi minh ban chung tao ho no ong ba co chu bac
    nay do day kia ay nao gi sao ha hay hoac nhung cac mot moi nhieu it
    da dang se cung rat qua roi chua
    muon can phai biet hoi xin cam on giup ve
    nhu the nao bao gio
    """.split()
)
# Words kept although common: they change the meaning ("khong duoc", "bao lau", "bao nhieu").
KEEP = frozenset({"khong", "duoc", "bao", "nhieu", "lau", "ngay", "thang", "nam", "gio", "lam", "nghi"})


def expand(text: str) -> list[str]:
    """Folded tokens of `text` with abbreviations spelt out and colloquial phrases followed by the library's words."""
    tokens: list[str] = []
    for token in folded_tokens(text):
        tokens.extend(ABBREVIATIONS.get(token, token).split())
    result: list[str] = []
    position = 0
    longest = max(len(phrase.split()) for phrase in PHRASES)
    while position < len(tokens):
        for size in range(min(longest, len(tokens) - position), 0, -1):
            phrase = " ".join(tokens[position : position + size])
            if phrase in PHRASES:
                result.extend(tokens[position : position + size])
                result.extend(PHRASES[phrase].split())
                position += size
                break
        else:
            result.append(tokens[position])
            position += 1
    return result


def content_words(text: str) -> list[str]:
    """The words of a question that say what it is about, in order, without repeats."""
    seen: set[str] = set()
    words = []
    for token in expand(text):
        if (
            token in seen
            or (token in STOPWORDS and token not in KEEP)
            or len(token) < 2
            and not token.isdigit()
        ):
            continue
        seen.add(token)
        words.append(token)
    return words
