/* The hierarchy's typed calls: one space / folder, writes of spaces, folders and lists, space
   tags, views and a view's tasks. Each checks the exact request (method, URL, body), the decoded
   answer, what is refused before anything is sent, and what a write drops from the cache. On an
   injected transport and clock (tests/fake_world.h): nothing sleeps, no socket opens. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#define CLICKUP_IMPLEMENTATION
#define CLICKUP_STATIC
#include "../clickup.h"
#include <cmocka.h>
#include "fake_world.h"

#define BASE "https://api.clickup.com/api/v2"
#define SPACE_JSON "{\"id\":\"790\",\"name\":\"Ops\",\"private\":false,\"statuses\":[{\"id\":\"s1\",\"status\":\"open\"}]}"
#define FOLDER_JSON "{\"id\":\"456\",\"name\":\"Clients\",\"space\":{\"id\":\"790\"},\"lists\":[{\"id\":\"2101\",\"name\":\"Acme\"}]}"
#define LIST_JSON "{\"id\":\"2300\",\"name\":\"Backlog\",\"folder\":{\"id\":\"456\"},\"space\":{\"id\":\"790\"}}"

static void expect_request(world *w, int i, const char *method, const char *url, const char *body) {
    assert_true(w->seen > i);
    assert_string_equal(w->method[i], method);
    assert_string_equal(w->url[i], url);
    if (body) assert_string_equal(w->body[i], body);
}

static void test_space_get_create_update_delete(void **state) {
    world *w = (world *)*state;
    clickup_client *c = make_client(w, NULL);
    clickup_space *s = NULL;
    clickup_space_new sn;
    clickup_space_changes ch;
    push(w, CLICKUP_TRANSPORT_OK, 200, SPACE_JSON);
    assert_int_equal(clickup_space_get(c, "790", &s), CLICKUP_OK);
    assert_string_equal(s->name, "Ops");
    assert_int_equal(s->status_count, 1);
    clickup_space_free(s);
    expect_request(w, 0, "GET", BASE "/space/790", NULL);

    memset(&sn, 0, sizeof sn);
    sn.name = "New"; sn.multiple_assignees = CLICKUP_YES; sn.features_json = "{\"due_dates\":{\"enabled\":true}}";
    push(w, CLICKUP_TRANSPORT_OK, 200, SPACE_JSON);
    assert_int_equal(clickup_space_create(c, &sn, &s), CLICKUP_OK);
    assert_string_equal(s->id, "790");
    clickup_space_free(s);
    expect_request(w, 1, "POST", BASE "/team/9001/space",
                   "{\"name\":\"New\",\"multiple_assignees\":true,\"features\":{\"due_dates\":{\"enabled\":true}}}");

    memset(&ch, 0, sizeof ch);
    ch.color = "#ff0000"; ch.is_private = CLICKUP_NO;
    push(w, CLICKUP_TRANSPORT_OK, 200, SPACE_JSON);
    assert_int_equal(clickup_space_update(c, "790", &ch, NULL), CLICKUP_OK);
    expect_request(w, 2, "PUT", BASE "/space/790", "{\"color\":\"#ff0000\",\"private\":false}");

    push(w, CLICKUP_TRANSPORT_OK, 200, "{}");
    assert_int_equal(clickup_space_delete(c, "790"), CLICKUP_OK);
    expect_request(w, 3, "DELETE", BASE "/space/790", NULL);
    clickup_client_destroy(c);
}

static void test_folder_and_list_writes(void **state) {
    world *w = (world *)*state;
    clickup_client *c = make_client(w, NULL);
    clickup_folder *f = NULL;
    clickup_list *l = NULL;
    clickup_list_new ln;
    push(w, CLICKUP_TRANSPORT_OK, 200, FOLDER_JSON);
    assert_int_equal(clickup_folder_get(c, "456", &f), CLICKUP_OK);
    assert_int_equal(f->list_count, 1);
    assert_string_equal(f->lists[0].name, "Acme");
    clickup_folder_free(f);
    push(w, CLICKUP_TRANSPORT_OK, 200, FOLDER_JSON);
    assert_int_equal(clickup_folder_create(c, "790", "Clients", &f), CLICKUP_OK);
    clickup_folder_free(f);
    expect_request(w, 1, "POST", BASE "/space/790/folder", "{\"name\":\"Clients\"}");
    push(w, CLICKUP_TRANSPORT_OK, 200, FOLDER_JSON);
    assert_int_equal(clickup_folder_update(c, "456", "Renamed", NULL), CLICKUP_OK);
    expect_request(w, 2, "PUT", BASE "/folder/456", "{\"name\":\"Renamed\"}");

    memset(&ln, 0, sizeof ln);
    ln.name = "Backlog"; ln.markdown = "**do**"; ln.priority = 2; ln.assignee = 183;
    ln.due_date.value = 1800000000000LL; ln.due_date.present = 1;
    push(w, CLICKUP_TRANSPORT_OK, 200, LIST_JSON);
    assert_int_equal(clickup_list_create(c, "456", NULL, &ln, &l), CLICKUP_OK);
    assert_string_equal(l->name, "Backlog");
    clickup_list_free(l);
    expect_request(w, 3, "POST", BASE "/folder/456/list",
                   "{\"name\":\"Backlog\",\"markdown_content\":\"**do**\",\"due_date\":1800000000000,\"due_date_time\":false,"
                   "\"priority\":2,\"assignee\":183}");
    push(w, CLICKUP_TRANSPORT_OK, 200, LIST_JSON);
    assert_int_equal(clickup_list_create(c, NULL, "790", &ln, NULL), CLICKUP_OK);
    expect_request(w, 4, "POST", BASE "/space/790/list", NULL);
    memset(&ln, 0, sizeof ln);
    ln.unset_status = 1;
    push(w, CLICKUP_TRANSPORT_OK, 200, LIST_JSON);
    assert_int_equal(clickup_list_update(c, "2300", &ln, NULL), CLICKUP_OK);
    expect_request(w, 5, "PUT", BASE "/list/2300", "{\"unset_status\":true}");
    push(w, CLICKUP_TRANSPORT_OK, 200, "{}");
    assert_int_equal(clickup_list_delete(c, "2300"), CLICKUP_OK);
    push(w, CLICKUP_TRANSPORT_OK, 200, "{}");
    assert_int_equal(clickup_folder_delete(c, "456"), CLICKUP_OK);
    expect_request(w, 6, "DELETE", BASE "/list/2300", NULL);
    expect_request(w, 7, "DELETE", BASE "/folder/456", NULL);
    clickup_client_destroy(c);
}

/* Bad input is refused with a reason, and nothing is sent. */
static void test_refused_locally(void **state) {
    world *w = (world *)*state;
    clickup_client *c = make_client(w, NULL);
    clickup_space_new sn;
    clickup_space_changes ch;
    clickup_list_new ln;
    clickup_tag tag;
    memset(&sn, 0, sizeof sn); memset(&ch, 0, sizeof ch); memset(&ln, 0, sizeof ln); memset(&tag, 0, sizeof tag);
    assert_int_equal(clickup_space_create(c, &sn, NULL), CLICKUP_ERR_INVALID_ARG);
    assert_non_null(strstr(clickup_last_error(c)->message, "name"));
    sn.name = "x"; sn.features_json = "{not json";
    assert_int_equal(clickup_space_create(c, &sn, NULL), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_space_update(c, "790", &ch, NULL), CLICKUP_ERR_INVALID_ARG);   /* nothing to change */
    assert_int_equal(clickup_folder_create(c, "79/0", "x", NULL), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_folder_create(c, "790", "", NULL), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_list_create(c, "456", "790", &ln, NULL), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_list_create(c, "456", NULL, &ln, NULL), CLICKUP_ERR_INVALID_ARG);     /* no name */
    ln.name = "L"; ln.priority = 5;
    assert_int_equal(clickup_list_create(c, "456", NULL, &ln, NULL), CLICKUP_ERR_INVALID_ARG);
    assert_non_null(strstr(clickup_last_error(c)->message, "priority"));
    assert_int_equal(clickup_list_delete(c, ""), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_space_tag_create(c, "790", &tag), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_space_tag_delete(c, "790", ".."), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_views_get(c, (clickup_views_of)9, "1", NULL), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(w->seen, 0);
    clickup_client_destroy(c);
}

static void test_space_tags(void **state) {
    world *w = (world *)*state;
    clickup_client *c = make_client(w, NULL);
    clickup_space_tags *tags = NULL;
    clickup_tag tag;
    push(w, CLICKUP_TRANSPORT_OK, 200, "{\"tags\":[{\"name\":\"urgent\",\"tag_fg\":\"#fff\",\"tag_bg\":\"#f00\",\"creator\":183}]}");
    assert_int_equal(clickup_space_tags_get(c, "790", &tags), CLICKUP_OK);
    assert_int_equal(tags->count, 1);
    assert_string_equal(tags->items[0].tag_bg, "#f00");
    clickup_space_tags_free(tags);
    memset(&tag, 0, sizeof tag);
    tag.name = "blocked"; tag.tag_fg = "#000"; tag.tag_bg = "#ff0";
    push(w, CLICKUP_TRANSPORT_OK, 200, "{}");
    assert_int_equal(clickup_space_tag_create(c, "790", &tag), CLICKUP_OK);
    expect_request(w, 1, "POST", BASE "/space/790/tag", "{\"tag\":{\"name\":\"blocked\",\"tag_fg\":\"#000\",\"tag_bg\":\"#ff0\"}}");
    push(w, CLICKUP_TRANSPORT_OK, 200, "{}");
    assert_int_equal(clickup_space_tag_edit(c, "790", "on hold", &tag), CLICKUP_OK);
    expect_request(w, 2, "PUT", BASE "/space/790/tag/on%20hold", "{\"tag\":{\"name\":\"blocked\",\"fg_color\":\"#000\",\"bg_color\":\"#ff0\"}}");
    push(w, CLICKUP_TRANSPORT_OK, 200, "{}");
    assert_int_equal(clickup_space_tag_delete(c, "790", "on hold"), CLICKUP_OK);
    expect_request(w, 3, "DELETE", BASE "/space/790/tag/on%20hold", NULL);
    clickup_client_destroy(c);
}

static void test_views_and_view_tasks(void **state) {
    world *w = (world *)*state;
    clickup_client *c = make_client(w, NULL);
    clickup_views *vs = NULL;
    clickup_view *v = NULL;
    clickup_tasks *t = NULL;
    clickup_task_query q;
    push(w, CLICKUP_TRANSPORT_OK, 200, "{\"views\":[{\"id\":\"3v-1\",\"name\":\"Board\",\"type\":\"board\",\"parent\":{\"id\":\"9001\",\"type\":7}}]}");
    assert_int_equal(clickup_views_get(c, CLICKUP_VIEWS_OF_WORKSPACE, NULL, &vs), CLICKUP_OK);
    assert_int_equal(vs->count, 1);
    assert_string_equal(vs->items[0].type, "board");
    assert_int_equal(vs->items[0].parent_type, 7);
    clickup_views_free(vs);
    expect_request(w, 0, "GET", BASE "/team/9001/view", NULL);
    push(w, CLICKUP_TRANSPORT_OK, 200, "{\"views\":[]}");
    assert_int_equal(clickup_views_get(c, CLICKUP_VIEWS_OF_LIST, "2101", &vs), CLICKUP_OK);
    clickup_views_free(vs);
    expect_request(w, 1, "GET", BASE "/list/2101/view", NULL);
    push(w, CLICKUP_TRANSPORT_OK, 200, "{\"view\":{\"id\":\"3v-1\",\"name\":\"Board\",\"type\":\"board\"}}");
    assert_int_equal(clickup_view_get(c, "3v-1", &v), CLICKUP_OK);
    assert_string_equal(v->name, "Board");
    clickup_view_free(v);
    /* a view's tasks, every page */
    push(w, CLICKUP_TRANSPORT_OK, 200, "{\"tasks\":[{\"id\":\"a1\",\"name\":\"one\"}],\"last_page\":false}");
    push(w, CLICKUP_TRANSPORT_OK, 200, "{\"tasks\":[{\"id\":\"a2\",\"name\":\"two\"}],\"last_page\":true}");
    memset(&q, 0, sizeof q);
    q.view_id = "3v-1";
    assert_int_equal(clickup_tasks_get(c, &q, &t), CLICKUP_OK);
    assert_int_equal(t->count, 2);
    assert_int_equal(t->pages, 2);
    assert_string_equal(t->items[1].id, "a2");
    clickup_tasks_free(t);
    expect_request(w, 3, "GET", BASE "/view/3v-1/task?page=0", NULL);
    expect_request(w, 4, "GET", BASE "/view/3v-1/task?page=1", NULL);
    q.include_closed = 1;             /* a view takes no filters */
    assert_int_equal(clickup_tasks_get(c, &q, &t), CLICKUP_ERR_INVALID_ARG);
    q.include_closed = 0; q.list_id = "2101";
    assert_int_equal(clickup_tasks_get(c, &q, &t), CLICKUP_ERR_INVALID_ARG);   /* two sources */
    assert_int_equal(w->seen, 5);
    clickup_client_destroy(c);
}

/* A hierarchy write drops everything cached, whatever its outcome (a list's rename shows in
   its folder's lists, in task pages, everywhere). */
static void test_hierarchy_write_invalidates(void **state) {
    world *w = (world *)*state;
    clickup_client *c = make_client(w, NULL);
    clickup_folders *fs = NULL;
    clickup_list_new ln;
    int i;
    push(w, CLICKUP_TRANSPORT_OK, 200, "{\"folders\":[" FOLDER_JSON "]}");
    assert_int_equal(clickup_folders_get(c, "790", NULL, &fs), CLICKUP_OK);
    clickup_folders_free(fs);
    assert_int_equal(clickup_folders_get(c, "790", NULL, &fs), CLICKUP_OK);   /* from the cache */
    clickup_folders_free(fs);
    assert_int_equal(w->seen, 1);
    memset(&ln, 0, sizeof ln);
    ln.name = "Renamed";
    for (i = 0; i < 4; i++) push(w, CLICKUP_TRANSPORT_OK, 503, "{}");           /* fails after sending */
    assert_int_equal(clickup_list_update(c, "2101", &ln, NULL), CLICKUP_ERR_SERVER);
    push(w, CLICKUP_TRANSPORT_OK, 200, "{\"folders\":[" FOLDER_JSON "]}");
    assert_int_equal(clickup_folders_get(c, "790", NULL, &fs), CLICKUP_OK);   /* fresh */
    clickup_folders_free(fs);
    assert_int_equal(w->seen, 6);
    clickup_client_destroy(c);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_space_get_create_update_delete, setup, teardown),
        cmocka_unit_test_setup_teardown(test_folder_and_list_writes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_refused_locally, setup, teardown),
        cmocka_unit_test_setup_teardown(test_space_tags, setup, teardown),
        cmocka_unit_test_setup_teardown(test_views_and_view_tasks, setup, teardown),
        cmocka_unit_test_setup_teardown(test_hierarchy_write_invalidates, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
