package cn.nantong.hotline.ticket;

/**
 * A department answered a transferred inquiry (咨询转办). Fired inside the reply's transaction so the
 * knowledge base can keep the answer: the next caller with this question is answered on the spot.
 */
public record InquiryAnswered(long ticketId, String question, String answer, String department, String category) {
}
