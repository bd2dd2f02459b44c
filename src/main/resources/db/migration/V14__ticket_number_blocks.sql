-- Ticket numbers are taken 50 at a time by each instance (CounterBlocks): one nextval per block, not per ticket.
-- Numbers already given are all below the next block's first value, so none can be given twice.
alter sequence ticket_number_seq increment by 50;
