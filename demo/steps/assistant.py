"""Demo legal assistant: more model laws and Q&A scenarios for it to answer from, and its page.

Runs after the legal library step (ORDER 60) and adds to that library: six short model texts
(social insurance, unemployment insurance, safety, working time, wages, discipline, the union law)
and about forty scenarios written the way a union legal adviser answers. Every text was written for
this project in the shape of Vietnamese labour law: it is not the text of any real document.
Safe to run again: nothing is added once the assistant page exists.
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Locale

from assistant.models import AssistantPage
from demo.translation import translate
from federations.models import Unit
from federations.permissions import editors_group_name
from folding import fold_vietnamese
from legal_library.importer import parse, save_structure
from legal_library.models import (
    DocumentType,
    LegalDocumentPage,
    LegalField,
    LegalLibraryPage,
    LegalQAPage,
    LegalTopicPage,
    Provision,
    QACitation,
)

ORDER = 70
LIBRARY_SLUG = "thu-vien-phap-luat"
PAGE_SLUG = "tro-ly-phap-ly"
NOTE = "Văn bản mẫu viết cho cổng thông tin trình diễn, không phải văn bản pháp luật chính thức."
REVIEWED = datetime.date(2025, 1, 15)

SOCIAL_INSURANCE = """Điều 1. Phạm vi điều chỉnh
Luật này quy định chế độ, chính sách bảo hiểm xã hội mẫu dùng cho cổng thông tin trình diễn.
Điều 2. Đối tượng tham gia bảo hiểm xã hội bắt buộc
Người lao động làm việc theo hợp đồng lao động có thời hạn từ đủ 01 tháng trở lên thuộc đối tượng tham gia bảo hiểm xã hội bắt buộc; người sử dụng lao động phải đăng ký và đóng cho họ.
Điều 3. Mức đóng bảo hiểm xã hội bắt buộc
1. Người lao động đóng hằng tháng bằng 8% tiền lương tháng vào quỹ hưu trí và tử tuất.
2. Người sử dụng lao động đóng hằng tháng bằng 17,5% quỹ tiền lương đóng bảo hiểm xã hội của người lao động.
Điều 4. Các hành vi bị nghiêm cấm
1. Trốn đóng, chậm đóng bảo hiểm xã hội, bảo hiểm thất nghiệp.
2. Chiếm dụng tiền đóng bảo hiểm xã hội đã khấu trừ từ tiền lương của người lao động.
Điều 5. Chế độ ốm đau
1. Người lao động bị ốm đau phải nghỉ việc có xác nhận của cơ sở khám bệnh, chữa bệnh được hưởng chế độ ốm đau.
2. Thời gian hưởng tối đa trong một năm là 30 ngày nếu đã đóng bảo hiểm xã hội dưới 15 năm; mức hưởng bằng 75% tiền lương đóng bảo hiểm xã hội.
Điều 6. Nghỉ việc chăm sóc con ốm đau
Người lao động nghỉ việc để chăm sóc con dưới 07 tuổi bị ốm đau được hưởng chế độ tối đa 20 ngày trong một năm nếu con dưới 03 tuổi, 15 ngày nếu con từ 03 đến dưới 07 tuổi.
Điều 7. Điều kiện hưởng chế độ thai sản
Lao động nữ sinh con được hưởng chế độ thai sản khi đã đóng bảo hiểm xã hội từ đủ 06 tháng trở lên trong thời gian 12 tháng trước khi sinh con.
Điều 8. Thời gian nghỉ thai sản
1. Lao động nữ sinh con được nghỉ việc hưởng chế độ thai sản trước và sau khi sinh con là 06 tháng; sinh đôi trở lên thì từ con thứ hai cứ mỗi con được nghỉ thêm 01 tháng.
2. Lao động nam đang đóng bảo hiểm xã hội khi vợ sinh con được nghỉ 05 ngày làm việc, 07 ngày nếu vợ sinh con phải phẫu thuật.
Điều 9. Trợ cấp một lần khi sinh con
Lao động nữ sinh con được trợ cấp một lần cho mỗi con bằng 02 lần mức lương cơ sở.
Điều 10. Điều kiện hưởng lương hưu
Người lao động được hưởng lương hưu khi đủ tuổi nghỉ hưu và có thời gian đóng bảo hiểm xã hội từ đủ 15 năm trở lên.
Điều 11. Bảo hiểm xã hội một lần
Người lao động được nhận bảo hiểm xã hội một lần khi đủ tuổi nghỉ hưu mà chưa đủ 15 năm đóng, ra nước ngoài để định cư, hoặc mắc bệnh hiểm nghèo; người nghỉ việc chưa đủ điều kiện trên được bảo lưu thời gian đóng.
Điều 12. Trợ cấp mai táng
Người lo mai táng cho người lao động đã đóng bảo hiểm xã hội từ đủ 12 tháng trở lên khi chết được nhận trợ cấp mai táng bằng 10 lần mức lương cơ sở.
Điều 13. Sổ bảo hiểm xã hội
Khi người lao động nghỉ việc, người sử dụng lao động phải phối hợp với cơ quan bảo hiểm xã hội xác nhận thời gian đóng và trả lại sổ bảo hiểm xã hội cho người lao động.
"""

EMPLOYMENT = """Điều 1. Phạm vi điều chỉnh
Luật này quy định về bảo hiểm thất nghiệp và hỗ trợ người lao động tìm việc làm.
Điều 2. Đối tượng tham gia bảo hiểm thất nghiệp
Người lao động làm việc theo hợp đồng lao động từ đủ 03 tháng trở lên phải tham gia bảo hiểm thất nghiệp.
Điều 3. Điều kiện hưởng trợ cấp thất nghiệp
1. Chấm dứt hợp đồng lao động, trừ trường hợp người lao động đơn phương chấm dứt hợp đồng trái pháp luật.
2. Đã đóng bảo hiểm thất nghiệp từ đủ 12 tháng trở lên trong thời gian 24 tháng trước khi chấm dứt hợp đồng.
3. Đã nộp hồ sơ hưởng trợ cấp thất nghiệp tại trung tâm dịch vụ việc làm trong 03 tháng kể từ ngày chấm dứt hợp đồng.
Điều 4. Mức và thời gian hưởng trợ cấp thất nghiệp
1. Mức hưởng hằng tháng bằng 60% mức bình quân tiền lương đóng bảo hiểm thất nghiệp của 06 tháng liền kề trước khi thất nghiệp.
2. Đóng đủ 12 tháng đến đủ 36 tháng được hưởng 03 tháng trợ cấp; sau đó cứ đóng đủ thêm 12 tháng được hưởng thêm 01 tháng, tối đa 12 tháng.
Điều 5. Hỗ trợ học nghề
Người đang hưởng trợ cấp thất nghiệp có nhu cầu học nghề được hỗ trợ học nghề không quá 06 tháng.
"""

SAFETY = """Điều 1. Phạm vi điều chỉnh
Luật này quy định việc bảo đảm an toàn, vệ sinh lao động tại nơi làm việc.
Điều 2. Quyền của người lao động về an toàn, vệ sinh lao động
1. Được làm việc trong điều kiện an toàn, được cung cấp thông tin về các yếu tố nguy hiểm, có hại tại nơi làm việc.
2. Được từ chối làm công việc hoặc rời bỏ nơi làm việc khi thấy rõ có nguy cơ xảy ra tai nạn lao động đe dọa nghiêm trọng tính mạng, sức khỏe mà không bị coi là vi phạm kỷ luật lao động.
Điều 3. Phương tiện bảo vệ cá nhân
Người sử dụng lao động phải trang bị đầy đủ phương tiện bảo vệ cá nhân cho người lao động làm công việc có yếu tố nguy hiểm, có hại và không được trả bằng tiền thay cho việc cấp phát.
Điều 4. Bồi dưỡng bằng hiện vật
Người lao động làm việc trong điều kiện có yếu tố nguy hiểm, độc hại được bồi dưỡng bằng hiện vật trong ca làm việc.
Điều 5. Trách nhiệm của người sử dụng lao động khi xảy ra tai nạn lao động
1. Kịp thời sơ cứu, cấp cứu người bị tai nạn lao động.
2. Thanh toán chi phí y tế từ khi sơ cứu, cấp cứu đến khi điều trị ổn định.
3. Trả đủ tiền lương cho người lao động phải nghỉ việc trong thời gian điều trị.
Điều 6. Bồi thường tai nạn lao động, bệnh nghề nghiệp
Người lao động bị tai nạn lao động không hoàn toàn do lỗi của mình được bồi thường ít nhất 1,5 tháng tiền lương nếu suy giảm từ 5% đến 10% khả năng lao động, và ít nhất 30 tháng tiền lương nếu suy giảm từ 81% trở lên hoặc bị chết.
Điều 7. Khám sức khỏe định kỳ
Người sử dụng lao động tổ chức khám sức khỏe cho người lao động ít nhất một lần trong một năm; người làm nghề nặng nhọc, độc hại được khám ít nhất 06 tháng một lần.
Điều 8. Bệnh nghề nghiệp
Người lao động làm việc trong môi trường có nguy cơ mắc bệnh nghề nghiệp được khám phát hiện bệnh nghề nghiệp; người mắc bệnh được điều trị và hưởng chế độ như người bị tai nạn lao động.
"""

WORKING_TIME = """Điều 1. Phạm vi điều chỉnh
Nghị định này quy định chi tiết về thời giờ làm việc, thời giờ nghỉ ngơi.
Điều 2. Thời giờ làm việc bình thường
Thời giờ làm việc bình thường không quá 08 giờ trong 01 ngày và không quá 48 giờ trong 01 tuần.
Điều 3. Làm thêm giờ
1. Người sử dụng lao động chỉ được sử dụng người lao động làm thêm giờ khi được người lao động đồng ý.
2. Số giờ làm thêm không quá 50% số giờ làm việc bình thường trong 01 ngày, không quá 40 giờ trong 01 tháng và không quá 200 giờ trong 01 năm; một số ngành được làm thêm đến 300 giờ trong 01 năm.
Điều 4. Tiền lương làm thêm giờ và làm việc ban đêm
1. Làm thêm vào ngày thường được trả ít nhất bằng 150% tiền lương; vào ngày nghỉ hằng tuần ít nhất bằng 200%; vào ngày nghỉ lễ, tết ít nhất bằng 300%, chưa kể tiền lương ngày lễ, tết.
2. Làm việc vào ban đêm được trả thêm ít nhất bằng 30% tiền lương của công việc làm vào ban ngày.
Điều 5. Nghỉ trong giờ làm việc
Người lao động làm việc liên tục 08 giờ được nghỉ giữa giờ ít nhất 30 phút liên tục; làm việc ban đêm được nghỉ giữa giờ ít nhất 45 phút.
Điều 6. Nghỉ hằng tuần
Mỗi tuần người lao động được nghỉ ít nhất 24 giờ liên tục.
Điều 7. Nghỉ hằng năm
1. Người lao động làm đủ 12 tháng cho một người sử dụng lao động được nghỉ hằng năm 12 ngày làm việc, hưởng nguyên lương; làm nghề nặng nhọc, độc hại được nghỉ 14 ngày; cứ đủ 05 năm làm việc được nghỉ thêm 01 ngày.
2. Người thôi việc, bị mất việc làm mà chưa nghỉ hằng năm hoặc chưa nghỉ hết thì được thanh toán tiền lương cho những ngày chưa nghỉ.
Điều 8. Nghỉ lễ, tết
Người lao động được nghỉ làm việc, hưởng nguyên lương: Tết Dương lịch 01 ngày; Tết Âm lịch 05 ngày; Ngày Chiến thắng 30/4 01 ngày; Ngày Quốc tế lao động 1/5 01 ngày; Quốc khánh 02 ngày; Giỗ Tổ Hùng Vương 01 ngày.
Điều 9. Nghỉ việc riêng, nghỉ không hưởng lương
1. Người lao động được nghỉ việc riêng mà vẫn hưởng nguyên lương: kết hôn 03 ngày; con đẻ, con nuôi kết hôn 01 ngày; cha đẻ, mẹ đẻ, vợ hoặc chồng, con chết 03 ngày.
2. Người lao động được thỏa thuận với người sử dụng lao động để nghỉ không hưởng lương.
"""

WAGES = """Điều 1. Phạm vi điều chỉnh
Nghị định này quy định mức lương tối thiểu và việc trả lương cho người lao động làm việc theo hợp đồng lao động.
Điều 2. Mức lương tối thiểu vùng
Mức lương tối thiểu tháng: Vùng I 4.960.000 đồng; Vùng II 4.410.000 đồng; Vùng III 3.860.000 đồng; Vùng IV 3.450.000 đồng. Người sử dụng lao động không được trả lương thấp hơn mức lương tối thiểu vùng.
Điều 3. Nguyên tắc trả lương
Người sử dụng lao động trả lương trực tiếp, đầy đủ, đúng hạn cho người lao động và không được hạn chế hoặc can thiệp vào quyền tự quyết chi tiêu lương của người lao động.
Điều 4. Kỳ hạn trả lương
Người hưởng lương tháng được trả mỗi tháng một lần. Trường hợp vì lý do bất khả kháng không thể trả lương đúng hạn thì không được chậm quá 30 ngày; chậm từ 15 ngày trở lên phải đền bù một khoản tiền ít nhất bằng tiền lãi của số tiền trả chậm.
Điều 5. Khấu trừ tiền lương
Người sử dụng lao động chỉ được khấu trừ tiền lương để bồi thường thiệt hại do làm hư hỏng dụng cụ, thiết bị, tài sản; mức khấu trừ hằng tháng không quá 30% tiền lương thực trả sau khi trích nộp bảo hiểm và thuế.
Điều 6. Tiền lương ngừng việc
Trường hợp phải ngừng việc do lỗi của người sử dụng lao động, người lao động được trả đủ tiền lương theo hợp đồng; do sự cố điện, nước, thiên tai thì hai bên thỏa thuận nhưng không thấp hơn mức lương tối thiểu vùng.
Điều 7. Thưởng
Thưởng là khoản tiền người sử dụng lao động thưởng cho người lao động căn cứ kết quả sản xuất, kinh doanh theo quy chế thưởng được công bố công khai tại nơi làm việc.
"""

DISCIPLINE = """Điều 1. Phạm vi điều chỉnh
Nghị định này quy định chi tiết về kỷ luật lao động và trách nhiệm vật chất.
Điều 2. Hình thức xử lý kỷ luật lao động
Khiển trách; kéo dài thời hạn nâng lương không quá 06 tháng; cách chức; sa thải.
Điều 3. Áp dụng hình thức xử lý kỷ luật sa thải
1. Người lao động có hành vi trộm cắp, tham ô, đánh bạc, cố ý gây thương tích, sử dụng ma túy tại nơi làm việc.
2. Người lao động tự ý bỏ việc 05 ngày cộng dồn trong thời hạn 30 ngày hoặc 20 ngày cộng dồn trong thời hạn 365 ngày mà không có lý do chính đáng.
Điều 4. Nguyên tắc, trình tự xử lý kỷ luật lao động
1. Người sử dụng lao động phải chứng minh được lỗi của người lao động.
2. Phải có sự tham gia của tổ chức đại diện người lao động tại cơ sở mà người lao động là thành viên.
3. Người lao động có quyền tự bào chữa, nhờ luật sư hoặc tổ chức đại diện người lao động bào chữa; việc xử lý phải lập thành biên bản.
Điều 5. Các hành vi bị nghiêm cấm khi xử lý kỷ luật lao động
1. Xâm phạm sức khỏe, danh dự, tính mạng, uy tín, nhân phẩm của người lao động.
2. Phạt tiền, cắt lương thay việc xử lý kỷ luật lao động.
3. Xử lý kỷ luật đối với hành vi không được quy định trong nội quy lao động.
Điều 6. Khiếu nại về kỷ luật lao động
Người bị xử lý kỷ luật lao động, bị tạm đình chỉ công việc hoặc phải bồi thường nếu thấy không thỏa đáng có quyền khiếu nại hoặc yêu cầu giải quyết tranh chấp lao động.
"""

UNION_LAW = """Điều 1. Phạm vi điều chỉnh
Luật này quy định về quyền, trách nhiệm của công đoàn, đoàn viên công đoàn và kinh phí công đoàn.
Điều 2. Quyền thành lập, gia nhập công đoàn
Người lao động Việt Nam làm việc tại cơ quan, tổ chức, doanh nghiệp có quyền thành lập, gia nhập và hoạt động công đoàn.
Điều 3. Đoàn phí công đoàn
Đoàn viên công đoàn đóng đoàn phí hằng tháng bằng 1% tiền lương làm căn cứ đóng bảo hiểm xã hội, tối đa bằng 10% mức lương cơ sở.
Điều 4. Kinh phí công đoàn
Người sử dụng lao động đóng kinh phí công đoàn bằng 2% quỹ tiền lương làm căn cứ đóng bảo hiểm xã hội cho người lao động, dù người lao động có là đoàn viên hay không.
Điều 5. Quyền, trách nhiệm của công đoàn cơ sở
1. Đại diện, bảo vệ quyền và lợi ích hợp pháp, chính đáng của người lao động.
2. Tham gia xây dựng thang lương, bảng lương, nội quy lao động; đối thoại và thương lượng tập thể với người sử dụng lao động.
3. Hướng dẫn, tư vấn pháp luật cho người lao động và tổ chức đình công theo quy định.
Điều 6. Bảo đảm cho cán bộ công đoàn
Người sử dụng lao động không được đơn phương chấm dứt hợp đồng lao động, sa thải, buộc thôi việc hoặc thuyên chuyển công tác đối với cán bộ công đoàn không chuyên trách đang trong nhiệm kỳ khi chưa có ý kiến thống nhất bằng văn bản của công đoàn cấp trên.
Điều 7. Các hành vi bị nghiêm cấm
Cản trở, gây khó khăn, phân biệt đối xử với người lao động vì lý do thành lập, gia nhập, hoạt động công đoàn.
"""

# slug, type, title, number, issuing body, issued, effective, field, topics, text, summary
DOCUMENTS = [
    (
        "luat-bao-hiem-xa-hoi",
        "law",
        "Luật Bảo hiểm xã hội",
        "41/2024/QH15",
        "Quốc hội",
        datetime.date(2024, 6, 29),
        datetime.date(2025, 7, 1),
        "social-insurance",
        ["bao-hiem-xa-hoi", "lao-dong-nu"],
        SOCIAL_INSURANCE,
        "Đóng và hưởng bảo hiểm xã hội: ốm đau, thai sản, hưu trí, tử tuất.",
    ),
    (
        "luat-viec-lam",
        "law",
        "Luật Việc làm",
        "38/2013/QH13",
        "Quốc hội",
        datetime.date(2013, 11, 16),
        datetime.date(2015, 1, 1),
        "social-insurance",
        ["bao-hiem-xa-hoi"],
        EMPLOYMENT,
        "Bảo hiểm thất nghiệp và hỗ trợ tìm việc làm.",
    ),
    (
        "luat-an-toan-ve-sinh-lao-dong",
        "law",
        "Luật An toàn, vệ sinh lao động",
        "84/2015/QH13",
        "Quốc hội",
        datetime.date(2015, 6, 25),
        datetime.date(2016, 7, 1),
        "safety",
        ["an-toan-lao-dong"],
        SAFETY,
        "Bảo đảm an toàn, vệ sinh lao động; tai nạn lao động và bệnh nghề nghiệp.",
    ),
    (
        "nghi-dinh-thoi-gio-lam-viec",
        "decree",
        "Nghị định quy định về thời giờ làm việc, thời giờ nghỉ ngơi",
        "145/2020/NĐ-CP",
        "Chính phủ",
        datetime.date(2020, 12, 14),
        datetime.date(2021, 2, 1),
        "labour",
        ["thoi-gio-lam-viec"],
        WORKING_TIME,
        "Giờ làm việc, làm thêm giờ, nghỉ hằng năm, nghỉ lễ tết và nghỉ việc riêng.",
    ),
    (
        "nghi-dinh-tien-luong",
        "decree",
        "Nghị định quy định mức lương tối thiểu và việc trả lương",
        "74/2024/NĐ-CP",
        "Chính phủ",
        datetime.date(2024, 6, 30),
        datetime.date(2024, 7, 1),
        "labour",
        ["tien-luong"],
        WAGES,
        "Lương tối thiểu vùng, kỳ hạn trả lương, khấu trừ lương, tiền lương ngừng việc.",
    ),
    (
        "nghi-dinh-ky-luat-lao-dong",
        "decree",
        "Nghị định quy định về kỷ luật lao động và trách nhiệm vật chất",
        "15/2021/NĐ-CP",
        "Chính phủ",
        datetime.date(2021, 3, 1),
        datetime.date(2021, 4, 15),
        "labour",
        ["cham-dut-hop-dong"],
        DISCIPLINE,
        "Hình thức và trình tự xử lý kỷ luật lao động, sa thải.",
    ),
    (
        "luat-cong-doan",
        "law",
        "Luật Công đoàn",
        "50/2024/QH15",
        "Quốc hội",
        datetime.date(2024, 11, 27),
        datetime.date(2025, 7, 1),
        "trade-unions",
        ["quyen-cong-doan"],
        UNION_LAW,
        "Quyền của công đoàn, đoàn viên, đoàn phí và kinh phí công đoàn.",
    ),
]

CODE = "bo-luat-lao-dong-2019"
# (topic, title, situation, question, answer, [(document slug, article, clause)])
SCENARIOS = [
    (
        "tien-luong",
        "Lương tối thiểu vùng là bao nhiêu?",
        "Tôi làm công nhân ở khu công nghiệp, lương ghi trong hợp đồng rất thấp.",
        "Công ty có được trả thấp hơn lương tối thiểu vùng không?",
        "<p>Không. Mức lương tối thiểu tháng từ 3.450.000 đồng (Vùng IV) đến 4.960.000 đồng (Vùng I); lương trả cho bạn không được thấp hơn mức của vùng nơi bạn làm việc.</p>",
        [("nghi-dinh-tien-luong", 2, None)],
    ),
    (
        "tien-luong",
        "Công ty trả lương chậm",
        "Đến ngày trả lương nhưng công ty hẹn sang tháng sau mới trả.",
        "Công ty được chậm trả lương bao lâu?",
        "<p>Lương tháng phải trả mỗi tháng một lần, đúng hạn. Chỉ vì lý do bất khả kháng mới được chậm, không quá 30 ngày, và chậm từ 15 ngày trở lên phải trả thêm tiền lãi cho bạn.</p>",
        [("nghi-dinh-tien-luong", 4, None), ("nghi-dinh-tien-luong", 3, None)],
    ),
    (
        "tien-luong",
        "Bị trừ lương vì làm hỏng hàng",
        "Tôi làm hỏng một máy khâu, quản lý trừ hết nửa tháng lương.",
        "Công ty được trừ lương của tôi bao nhiêu?",
        "<p>Công ty chỉ được khấu trừ lương để bồi thường thiệt hại tài sản, và mỗi tháng không quá 30% tiền lương thực trả.</p>",
        [("nghi-dinh-tien-luong", 5, None)],
    ),
    (
        "tien-luong",
        "Nghỉ vì công ty hết việc có được trả lương?",
        "Xưởng hết nguyên liệu, công ty cho công nhân nghỉ ở nhà hai tuần.",
        "Những ngày phải ngừng việc tôi có được trả lương không?",
        "<p>Có. Ngừng việc do lỗi của công ty thì bạn được trả đủ lương; do sự cố điện, nước, thiên tai thì hai bên thỏa thuận nhưng không thấp hơn lương tối thiểu vùng.</p>",
        [("nghi-dinh-tien-luong", 6, None)],
    ),
    (
        "tien-luong",
        "Đi muộn bị phạt tiền",
        "Công ty phạt 200.000 đồng mỗi lần đi làm muộn, trừ thẳng vào lương.",
        "Công ty có được phạt tiền, cắt lương khi tôi đi muộn không?",
        "<p>Không. Phạt tiền, cắt lương thay cho việc xử lý kỷ luật lao động là hành vi bị nghiêm cấm.</p>",
        [("nghi-dinh-ky-luat-lao-dong", 5, 2)],
    ),
    (
        "thoi-gio-lam-viec",
        "Một ngày làm việc tối đa bao nhiêu giờ?",
        "Xưởng bắt làm 10 tiếng mỗi ngày, sáu ngày một tuần.",
        "Thời giờ làm việc bình thường tối đa là bao nhiêu?",
        "<p>Thời giờ làm việc bình thường không quá 8 giờ một ngày và 48 giờ một tuần; phần vượt là làm thêm giờ.</p>",
        [("nghi-dinh-thoi-gio-lam-viec", 2, None)],
    ),
    (
        "thoi-gio-lam-viec",
        "Tăng ca tối đa bao nhiêu giờ?",
        "Mùa cao điểm, công ty bắt tăng ca mỗi tối, có tháng hơn 60 giờ.",
        "Làm thêm giờ tối đa bao nhiêu giờ một tháng, một năm?",
        "<p>Làm thêm giờ phải được bạn đồng ý, không quá 40 giờ một tháng và 200 giờ một năm (một số ngành đến 300 giờ).</p>",
        [("nghi-dinh-thoi-gio-lam-viec", 3, None)],
    ),
    (
        "thoi-gio-lam-viec",
        "Tiền làm thêm giờ tính thế nào?",
        "Tôi làm thêm cả chủ nhật và ngày lễ nhưng chỉ được trả như ngày thường.",
        "Tiền lương làm thêm giờ được tính bao nhiêu phần trăm?",
        "<p>Ngày thường ít nhất 150%, ngày nghỉ hằng tuần ít nhất 200%, ngày lễ, tết ít nhất 300% tiền lương; làm ban đêm được trả thêm ít nhất 30%.</p>",
        [("nghi-dinh-thoi-gio-lam-viec", 4, None)],
    ),
    (
        "thoi-gio-lam-viec",
        "Một năm được nghỉ phép bao nhiêu ngày?",
        "Tôi đã làm cho công ty hơn một năm nhưng chưa được nghỉ phép ngày nào.",
        "Tôi được nghỉ phép năm bao nhiêu ngày?",
        "<p>Làm đủ 12 tháng được nghỉ hằng năm 12 ngày làm việc, hưởng nguyên lương (nghề nặng nhọc, độc hại 14 ngày); cứ đủ 5 năm được thêm 1 ngày.</p>",
        [("nghi-dinh-thoi-gio-lam-viec", 7, 1)],
    ),
    (
        "thoi-gio-lam-viec",
        "Nghỉ việc khi chưa dùng hết phép năm",
        "Tôi sắp nghỉ việc, còn 7 ngày phép năm chưa nghỉ.",
        "Những ngày phép chưa nghỉ có được trả tiền không?",
        "<p>Có. Khi thôi việc mà chưa nghỉ hết phép năm, bạn được thanh toán tiền lương cho những ngày chưa nghỉ.</p>",
        [("nghi-dinh-thoi-gio-lam-viec", 7, 2)],
    ),
    (
        "thoi-gio-lam-viec",
        "Nghỉ Tết được mấy ngày?",
        "Công ty thông báo chỉ cho nghỉ Tết Nguyên đán 3 ngày.",
        "Người lao động được nghỉ lễ, Tết bao nhiêu ngày hưởng lương?",
        "<p>Tết Âm lịch 5 ngày, Tết Dương lịch 1 ngày, 30/4 và 1/5 mỗi ngày 1 ngày, Quốc khánh 2 ngày, Giỗ Tổ Hùng Vương 1 ngày, đều hưởng nguyên lương.</p>",
        [("nghi-dinh-thoi-gio-lam-viec", 8, None)],
    ),
    (
        "thoi-gio-lam-viec",
        "Nghỉ cưới được mấy ngày?",
        "Tháng sau tôi cưới vợ, muốn xin nghỉ làm đám cưới.",
        "Kết hôn được nghỉ mấy ngày có lương?",
        "<p>Bạn được nghỉ 3 ngày hưởng nguyên lương khi kết hôn; khi con kết hôn được nghỉ 1 ngày; khi cha mẹ, vợ chồng, con mất được nghỉ 3 ngày.</p>",
        [("nghi-dinh-thoi-gio-lam-viec", 9, 1)],
    ),
    (
        "thoi-gio-lam-viec",
        "Nghỉ giữa ca được bao lâu?",
        "Ca làm của tôi kéo dài 8 tiếng, chỉ được nghỉ ăn 15 phút.",
        "Làm 8 tiếng thì được nghỉ giữa giờ bao nhiêu phút?",
        "<p>Làm liên tục 8 giờ được nghỉ giữa giờ ít nhất 30 phút liên tục; làm ca đêm ít nhất 45 phút.</p>",
        [("nghi-dinh-thoi-gio-lam-viec", 5, None)],
    ),
    (
        "bao-hiem-xa-hoi",
        "Công ty không đóng bảo hiểm xã hội",
        "Tôi làm hợp đồng một năm nhưng công ty không đóng bảo hiểm xã hội cho tôi.",
        "Công ty có bắt buộc phải đóng bảo hiểm xã hội cho tôi không?",
        "<p>Có. Người làm theo hợp đồng từ đủ 1 tháng trở lên phải được đóng bảo hiểm xã hội bắt buộc; trốn đóng, chậm đóng là hành vi bị nghiêm cấm.</p>",
        [("luat-bao-hiem-xa-hoi", 2, None), ("luat-bao-hiem-xa-hoi", 4, 1)],
    ),
    (
        "bao-hiem-xa-hoi",
        "Mức đóng bảo hiểm xã hội là bao nhiêu?",
        "Phiếu lương của tôi có dòng trừ tiền bảo hiểm xã hội.",
        "Người lao động và công ty mỗi bên đóng bảo hiểm xã hội bao nhiêu phần trăm?",
        "<p>Bạn đóng 8% tiền lương tháng vào quỹ hưu trí và tử tuất; công ty đóng 17,5% quỹ tiền lương đóng bảo hiểm xã hội.</p>",
        [("luat-bao-hiem-xa-hoi", 3, None)],
    ),
    (
        "bao-hiem-xa-hoi",
        "Rút bảo hiểm xã hội một lần",
        "Tôi nghỉ việc rồi, muốn lấy tiền bảo hiểm xã hội đã đóng.",
        "Khi nào được nhận bảo hiểm xã hội một lần?",
        "<p>Khi đủ tuổi nghỉ hưu mà chưa đủ 15 năm đóng, ra nước ngoài định cư hoặc mắc bệnh hiểm nghèo. Nghỉ việc chưa đủ điều kiện đó thì thời gian đóng được bảo lưu.</p>",
        [("luat-bao-hiem-xa-hoi", 11, None)],
    ),
    (
        "bao-hiem-xa-hoi",
        "Nghỉ ốm có được hưởng bảo hiểm?",
        "Tôi bị sốt xuất huyết phải nằm viện một tuần.",
        "Nghỉ ốm có giấy của bệnh viện thì được hưởng chế độ gì?",
        "<p>Bạn được hưởng chế độ ốm đau bằng 75% tiền lương đóng bảo hiểm xã hội, tối đa 30 ngày một năm nếu đã đóng dưới 15 năm.</p>",
        [("luat-bao-hiem-xa-hoi", 5, None)],
    ),
    (
        "bao-hiem-xa-hoi",
        "Con ốm, nghỉ chăm con có được hưởng bảo hiểm?",
        "Con tôi 2 tuổi bị viêm phổi, tôi phải nghỉ làm để chăm cháu.",
        "Nghỉ chăm con ốm có được bảo hiểm xã hội trả tiền không?",
        "<p>Có. Nghỉ chăm con dưới 3 tuổi ốm được hưởng tối đa 20 ngày một năm; con từ 3 đến dưới 7 tuổi tối đa 15 ngày.</p>",
        [("luat-bao-hiem-xa-hoi", 6, None)],
    ),
    (
        "bao-hiem-xa-hoi",
        "Đóng bao nhiêu năm thì được lương hưu?",
        "Tôi 50 tuổi, đã đóng bảo hiểm xã hội được 12 năm.",
        "Cần đóng bảo hiểm xã hội bao nhiêu năm để được hưởng lương hưu?",
        "<p>Bạn cần đủ tuổi nghỉ hưu và có từ đủ 15 năm đóng bảo hiểm xã hội trở lên.</p>",
        [("luat-bao-hiem-xa-hoi", 10, None)],
    ),
    (
        "bao-hiem-xa-hoi",
        "Công ty không trả sổ bảo hiểm xã hội",
        "Tôi nghỉ việc hai tháng rồi mà công ty vẫn giữ sổ bảo hiểm xã hội, không chốt sổ.",
        "Công ty có phải trả sổ bảo hiểm xã hội khi tôi nghỉ việc không?",
        "<p>Có. Khi bạn nghỉ việc, công ty phải xác nhận thời gian đóng và trả lại sổ bảo hiểm xã hội cho bạn.</p>",
        [("luat-bao-hiem-xa-hoi", 13, None)],
    ),
    (
        "bao-hiem-xa-hoi",
        "Điều kiện hưởng trợ cấp thất nghiệp",
        "Tôi vừa hết hợp đồng, đã đóng bảo hiểm thất nghiệp hơn một năm.",
        "Tôi có được hưởng trợ cấp thất nghiệp không, cần làm gì?",
        "<p>Được, nếu đã đóng bảo hiểm thất nghiệp từ đủ 12 tháng trong 24 tháng trước khi nghỉ và nộp hồ sơ tại trung tâm dịch vụ việc làm trong 3 tháng kể từ ngày chấm dứt hợp đồng.</p>",
        [("luat-viec-lam", 3, None)],
    ),
    (
        "bao-hiem-xa-hoi",
        "Trợ cấp thất nghiệp được bao nhiêu tiền?",
        "Tôi đóng bảo hiểm thất nghiệp 4 năm, lương bình quân 7 triệu.",
        "Mức hưởng và thời gian hưởng trợ cấp thất nghiệp là bao nhiêu?",
        "<p>Mỗi tháng bằng 60% lương bình quân đóng bảo hiểm thất nghiệp của 6 tháng cuối; đóng 12–36 tháng được 3 tháng trợ cấp, thêm mỗi 12 tháng được thêm 1 tháng, tối đa 12 tháng.</p>",
        [("luat-viec-lam", 4, None)],
    ),
    (
        "lao-dong-nu",
        "Nghỉ thai sản được mấy tháng?",
        "Tôi sắp sinh con đầu lòng.",
        "Lao động nữ sinh con được nghỉ thai sản bao lâu?",
        "<p>Bạn được nghỉ thai sản 6 tháng trước và sau khi sinh; sinh đôi trở lên thì từ con thứ hai mỗi con được thêm 1 tháng. Bạn còn được trợ cấp một lần bằng 2 lần mức lương cơ sở cho mỗi con.</p>",
        [("luat-bao-hiem-xa-hoi", 8, 1), ("luat-bao-hiem-xa-hoi", 9, None)],
    ),
    (
        "lao-dong-nu",
        "Chồng được nghỉ khi vợ sinh con?",
        "Vợ tôi sắp sinh, tôi làm ở nhà máy và có đóng bảo hiểm xã hội.",
        "Lao động nam được nghỉ mấy ngày khi vợ sinh con?",
        "<p>Bạn được nghỉ 5 ngày làm việc, 7 ngày nếu vợ phải sinh mổ, và được bảo hiểm xã hội trả tiền những ngày này.</p>",
        [("luat-bao-hiem-xa-hoi", 8, 2)],
    ),
    (
        "lao-dong-nu",
        "Điều kiện hưởng chế độ thai sản",
        "Tôi mới đi làm được 5 tháng thì có thai.",
        "Đóng bảo hiểm bao lâu thì được hưởng thai sản?",
        "<p>Bạn cần đóng bảo hiểm xã hội từ đủ 6 tháng trở lên trong 12 tháng trước khi sinh con.</p>",
        [("luat-bao-hiem-xa-hoi", 7, None)],
    ),
    (
        "an-toan-lao-dong",
        "Bị tai nạn lao động, công ty phải làm gì?",
        "Tôi bị máy cán dập ngón tay khi đang làm ca.",
        "Công ty phải chịu trách nhiệm gì khi tôi bị tai nạn lao động?",
        "<p>Công ty phải sơ cứu, cấp cứu, thanh toán chi phí y tế đến khi điều trị ổn định, trả đủ lương trong thời gian bạn điều trị và bồi thường nếu tai nạn không hoàn toàn do lỗi của bạn.</p>",
        [("luat-an-toan-ve-sinh-lao-dong", 5, None), ("luat-an-toan-ve-sinh-lao-dong", 6, None)],
    ),
    (
        "an-toan-lao-dong",
        "Không được cấp đồ bảo hộ lao động",
        "Tôi làm ở xưởng sơn nhưng công ty không phát khẩu trang, găng tay mà trả thêm 100.000 đồng.",
        "Công ty có phải cấp đồ bảo hộ lao động không?",
        "<p>Có. Công ty phải trang bị đầy đủ phương tiện bảo vệ cá nhân và không được trả tiền thay cho việc cấp phát.</p>",
        [("luat-an-toan-ve-sinh-lao-dong", 3, None)],
    ),
    (
        "an-toan-lao-dong",
        "Từ chối làm việc nguy hiểm",
        "Giàn giáo ở công trường bị lung lay nhưng đội trưởng vẫn bắt leo lên.",
        "Tôi có được từ chối làm việc khi thấy nguy hiểm không?",
        "<p>Có. Bạn được từ chối hoặc rời bỏ nơi làm việc khi thấy rõ nguy cơ tai nạn đe dọa nghiêm trọng tính mạng, sức khỏe, và không bị coi là vi phạm kỷ luật.</p>",
        [("luat-an-toan-ve-sinh-lao-dong", 2, 2)],
    ),
    (
        "an-toan-lao-dong",
        "Khám sức khỏe định kỳ",
        "Tôi làm ở công ty ba năm mà chưa được khám sức khỏe lần nào.",
        "Công ty có phải tổ chức khám sức khỏe định kỳ cho công nhân không?",
        "<p>Có, ít nhất mỗi năm một lần; người làm nghề nặng nhọc, độc hại ít nhất 6 tháng một lần.</p>",
        [("luat-an-toan-ve-sinh-lao-dong", 7, None)],
    ),
    (
        "an-toan-lao-dong",
        "Làm việc độc hại có được bồi dưỡng?",
        "Tôi làm trong xưởng hóa chất, mùi rất nặng.",
        "Làm việc trong môi trường độc hại có được bồi dưỡng không?",
        "<p>Có. Người làm việc trong điều kiện nguy hiểm, độc hại được bồi dưỡng bằng hiện vật trong ca làm việc.</p>",
        [("luat-an-toan-ve-sinh-lao-dong", 4, None)],
    ),
    (
        "cham-dut-hop-dong",
        "Nghỉ không phép mấy ngày thì bị sa thải?",
        "Tôi về quê chăm mẹ ốm 4 ngày mà không xin phép được.",
        "Tự ý nghỉ việc bao nhiêu ngày thì công ty được sa thải?",
        "<p>Công ty chỉ được sa thải khi bạn tự ý bỏ việc 5 ngày cộng dồn trong 30 ngày, hoặc 20 ngày cộng dồn trong 365 ngày, mà không có lý do chính đáng.</p>",
        [("nghi-dinh-ky-luat-lao-dong", 3, 2)],
    ),
    (
        "cham-dut-hop-dong",
        "Bị kỷ luật mà không có công đoàn tham gia",
        "Quản lý gọi tôi lên phòng và đọc quyết định kỷ luật, không có ai của công đoàn.",
        "Xử lý kỷ luật lao động phải theo trình tự nào?",
        "<p>Công ty phải chứng minh lỗi của bạn, có sự tham gia của công đoàn cơ sở, bạn được tự bào chữa hoặc nhờ người bào chữa, và phải lập biên bản.</p>",
        [("nghi-dinh-ky-luat-lao-dong", 4, None)],
    ),
    (
        "cham-dut-hop-dong",
        "Khiếu nại quyết định kỷ luật",
        "Tôi bị kỷ luật cách chức tổ trưởng mà thấy không đúng.",
        "Tôi có thể khiếu nại quyết định kỷ luật không?",
        "<p>Có. Bạn có quyền khiếu nại hoặc yêu cầu giải quyết tranh chấp lao động; công đoàn có thể hỗ trợ bạn.</p>",
        [("nghi-dinh-ky-luat-lao-dong", 6, None)],
    ),
    (
        "cham-dut-hop-dong",
        "Mất việc vì công ty cắt giảm",
        "Công ty giảm đơn hàng và cắt giảm một nửa công nhân vì lý do kinh tế.",
        "Bị cho nghỉ vì công ty cắt giảm lao động thì được trợ cấp gì?",
        "<p>Bạn được trợ cấp mất việc làm: mỗi năm làm việc 1 tháng tiền lương, ít nhất bằng 2 tháng tiền lương.</p>",
        [(CODE, 39, None)],
    ),
    (
        "cham-dut-hop-dong",
        "Công ty bắt đặt cọc khi vào làm",
        "Khi vào làm, công ty thu 2 triệu đồng tiền cọc đồng phục.",
        "Công ty có được bắt tôi đặt cọc tiền không?",
        "<p>Không. Người sử dụng lao động không được yêu cầu người lao động đặt cọc bằng tiền hoặc tài sản.</p>",
        [(CODE, 17, 2)],
    ),
    (
        "cham-dut-hop-dong",
        "Hợp đồng chỉ thỏa thuận miệng",
        "Tôi làm phụ hồ được 3 tháng, chủ thầu chỉ nói miệng, không ký giấy tờ gì.",
        "Hợp đồng lao động có bắt buộc phải ký bằng văn bản không?",
        "<p>Hợp đồng phải giao kết bằng văn bản, trừ hợp đồng dưới 1 tháng có thể bằng lời nói.</p>",
        [(CODE, 14, None)],
    ),
    (
        "cham-dut-hop-dong",
        "Ký hợp đồng có thời hạn nhiều lần",
        "Công ty ký hợp đồng 12 tháng với tôi đã ba lần liên tiếp.",
        "Hợp đồng có thời hạn được ký tối đa bao lâu?",
        "<p>Hợp đồng xác định thời hạn không quá 36 tháng; ngoài ra là hợp đồng không xác định thời hạn.</p>",
        [(CODE, 20, None)],
    ),
    (
        "quyen-cong-doan",
        "Đoàn phí công đoàn đóng bao nhiêu?",
        "Tôi mới vào công đoàn, thấy phiếu lương trừ đoàn phí.",
        "Đoàn viên phải đóng đoàn phí công đoàn bao nhiêu?",
        "<p>Đoàn phí hằng tháng bằng 1% tiền lương làm căn cứ đóng bảo hiểm xã hội, tối đa 10% mức lương cơ sở. Kinh phí công đoàn 2% là công ty đóng, không trừ vào lương bạn.</p>",
        [("luat-cong-doan", 3, None), ("luat-cong-doan", 4, None)],
    ),
    (
        "quyen-cong-doan",
        "Cán bộ công đoàn bị dọa cho nghỉ việc",
        "Tôi là chủ tịch công đoàn cơ sở không chuyên trách, giám đốc dọa chấm dứt hợp đồng vì tôi đòi tăng lương cho anh em.",
        "Công ty có được cho cán bộ công đoàn nghỉ việc không?",
        "<p>Không, khi chưa có ý kiến thống nhất bằng văn bản của công đoàn cấp trên, công ty không được chấm dứt hợp đồng, sa thải hay thuyên chuyển cán bộ công đoàn không chuyên trách đang trong nhiệm kỳ.</p>",
        [("luat-cong-doan", 6, None)],
    ),
    (
        "quyen-cong-doan",
        "Công đoàn cơ sở giúp được gì?",
        "Công ty tôi có công đoàn cơ sở nhưng tôi không rõ công đoàn làm gì.",
        "Công đoàn cơ sở có quyền và trách nhiệm gì với người lao động?",
        "<p>Công đoàn cơ sở đại diện, bảo vệ quyền lợi của bạn, tham gia xây dựng thang lương và nội quy, đối thoại, thương lượng tập thể, tư vấn pháp luật và tổ chức đình công theo luật.</p>",
        [("luat-cong-doan", 5, None)],
    ),
    (
        "quyen-cong-doan",
        "Bị gây khó dễ vì tham gia công đoàn",
        "Từ khi tôi vào công đoàn, tổ trưởng không cho tôi tăng ca và chuyển tôi sang việc nặng.",
        "Công ty có được phân biệt đối xử vì tôi tham gia công đoàn không?",
        "<p>Không. Cản trở, gây khó khăn, phân biệt đối xử vì lý do gia nhập, hoạt động công đoàn là hành vi bị nghiêm cấm.</p>",
        [("luat-cong-doan", 7, None)],
    ),
]


def _structure(document: LegalDocumentPage, text: str) -> None:
    result = parse(text)
    if result.problems:
        raise RuntimeError(f"demo text of {document.slug}: {result.problems}")
    save_structure(document, result)


def _documents(library: LegalLibraryPage, topics: dict) -> dict:
    locale = library.locale
    documents = {page.slug: page for page in LegalDocumentPage.objects.child_of(library)}
    for slug, kind, title, number, body, issued, effective, field, topic_slugs, text, summary in DOCUMENTS:
        if slug in documents:
            continue
        document = LegalDocumentPage(
            title=title,
            slug=slug,
            document_type=DocumentType.objects.get(slug=kind, locale=locale),
            number=number,
            issuing_body=body,
            signer="Chủ tịch Quốc hội" if body == "Quốc hội" else "Thủ tướng Chính phủ",
            date_issued=issued,
            date_effective=effective,
            summary=f"{summary}\n{NOTE}",
        )
        library.add_child(instance=document)
        document.fields_of_law.set(LegalField.objects.filter(slug=field, locale=locale))
        document.topics.set([topics[s] for s in topic_slugs])
        with transaction.atomic():
            _structure(document, text)
        document.save_revision().publish()
        documents[slug] = document
    return documents


def _scenarios(topics: dict, documents: dict) -> int:
    added = 0
    for topic_slug, title, situation, question, answer, citations in SCENARIOS:
        slug = slugify(fold_vietnamese(title))
        if LegalQAPage.objects.filter(slug=slug).exists():
            continue
        for document_slug, article, clause in citations:
            anchor = f"dieu-{article}-khoan-{clause}" if clause else f"dieu-{article}"
            if not Provision.objects.filter(document=documents[document_slug], anchor=anchor).exists():
                raise RuntimeError(
                    f"demo scenario {title!r} cites {document_slug}#{anchor}, which does not exist"
                )
        qa = LegalQAPage(
            title=title,
            slug=slug,
            situation=situation,
            question=question,
            answer=answer,
            last_reviewed=REVIEWED,
        )
        topics[topic_slug].add_child(instance=qa)
        for document_slug, article, clause in citations:
            QACitation.objects.create(
                page=qa, document=documents[document_slug], article=article, clause=clause
            )
        qa.save_revision().publish()
        added += 1
    return added


INTRO_EN = (
    "<p>Ask about contracts, wages, insurance, rest, safety and union rights. The assistant answers from "
    "the legal library and names the article; hard questions go to a union legal adviser.</p>"
)
LEGAL_EDITOR = "bientap.phapluat"


def _legal_editor(context: dict) -> None:
    """An editor of the confederation's section who reads the assistant's learning report."""
    confederation = Unit.objects.filter(code="TLD").first()
    if confederation is None:
        return
    User = get_user_model()
    user = User.objects.filter(username=LEGAL_EDITOR).first()
    if user is None:
        user = User.objects.create_user(LEGAL_EDITOR, f"{LEGAL_EDITOR}@congdoan.example", context["password"])
        user.groups.add(Group.objects.get(name=editors_group_name(confederation)))
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label="assistant", codename="view_learning_report")
        )
    context["accounts"].append((LEGAL_EDITOR, "legal editor: Reports › Assistant: unanswered questions"))


def _english(page: AssistantPage, library: LegalLibraryPage) -> None:
    english = Locale.objects.filter(language_code="en").first()
    if english is None or library.get_translation_or_none(english) is None:
        return
    translate(page, "en", {page.title: "Legal assistant", page.intro: INTRO_EN})


def load(context: dict) -> None:
    library = LegalLibraryPage.objects.filter(slug=LIBRARY_SLUG, locale__language_code="vi").first()
    if library is None:
        return
    _legal_editor(context)
    if AssistantPage.objects.filter(slug=PAGE_SLUG).exists():
        return
    topics = {topic.slug: topic for topic in LegalTopicPage.objects.child_of(library)}
    documents = _documents(library, topics)
    added = _scenarios(topics, documents)
    page = library.add_child(
        instance=AssistantPage(
            title="Trợ lý pháp lý",
            slug=PAGE_SLUG,
            intro="<p>Hỏi về hợp đồng, tiền lương, bảo hiểm, nghỉ ngơi, an toàn và quyền công đoàn. "
            "Trợ lý trả lời từ thư viện pháp luật và chỉ rõ điều luật; câu khó được chuyển cho cán bộ tư vấn của công đoàn.</p>",
        )
    )
    page.save_revision().publish()
    _english(page, library)
    context["stdout"].write(
        f"Legal assistant: {page.url} ({len(DOCUMENTS)} more documents, {added} more scenarios)"
    )
