package org.hotline.intake.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hotline.intake.repository.ContactSearch;
import org.hotline.platform.rest.ResultPage;

/** The staff list: a page of matching contacts, newest first, and how many match. Opens no personal data. */
@ApplicationScoped
public class ContactList {

    private final ContactSearch search;

    public ContactList(ContactSearch search) {
        this.search = search;
    }

    /** A page that ends before it is full tells the total itself; otherwise the matches are counted. */
    @Transactional
    public ResultPage<ContactSummary> find(ContactFilter filter, int page, int size) {
        List<ContactSummary> items = search.page(filter, page, size);
        long total = items.size() < size && (page == 0 || !items.isEmpty())
                ? (long) page * size + items.size() : search.count(filter);
        return ResultPage.of(items, page, size, total);
    }
}
