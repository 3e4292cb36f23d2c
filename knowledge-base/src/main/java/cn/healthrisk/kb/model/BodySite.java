package cn.healthrisk.kb.model;

import java.util.List;

/**
 * A part of the body as applicants name it, and the condition a fracture there is: "足骨骨折",
 * "脚踝摔骨折了" and "肋骨断了两根" name the site's own fracture (ICD-10 codes fractures by site),
 * where the bare word 骨折 alone would leave the site unknown.
 *
 * @param words what applicants call the site (脚, 足部, 脚背), none shared with another site
 * @param fracture id of the disease a fracture at this site is, an injury of ICD-10 chapter S00-T98
 */
public record BodySite(String id, List<String> words, String fracture) {}
