package com.coditect.pm.api;

import com.coditect.pm.data.CommentItem;

/** A comment as the API shows it: the Markdown as written and its sanitised HTML. */
public record CommentResponse(
    String id, String taskId, String authorId, String content, String contentHtml, String createdAt,
    String updatedAt) {

  public static CommentResponse from(CommentItem item, String contentHtml) {
    return new CommentResponse(item.id(), item.taskId(), item.authorId(), item.content(), contentHtml, item.createdAt(),
        item.updatedAt());
  }
}
