/**
 * What other features use of the review's writes: the one payment settlement (docs/decisions/0016 §2),
 * which the payment channels' notifications (lib/api) call inside their own transaction.
 */
export { AmountNotDueError, PAYABLE_ENROLMENT_SELECT, paymentProblem, settlePayment, type PayableEnrolment, type PaymentResult } from "@/lib/review/mutations";
