#pragma once

// Internal to core/git: owning wrappers for libgit2 handles. Nothing outside
// this module includes libgit2 headers; public types hold these behind d-pointers.

#include <git2.h>

#include <utility>

namespace capstan::git::detail {

// Keeps libgit2 initialised for as long as the process runs; the first call
// initialises it (thread-safe through the function-local static).
void ensureLibgit2();

// Owns one libgit2 object and frees it with the matching git_*_free.
template<typename T, void (*Free)(T *)> class Handle final
{
public:
    Handle() = default;
    explicit Handle(T *pointer)
        : m_pointer(pointer)
    {
    }
    Handle(const Handle &) = delete;
    Handle &operator=(const Handle &) = delete;
    Handle(Handle &&other) noexcept
        : m_pointer(std::exchange(other.m_pointer, nullptr))
    {
    }
    Handle &operator=(Handle &&other) noexcept
    {
        if (this != &other) {
            reset();
            m_pointer = std::exchange(other.m_pointer, nullptr);
        }
        return *this;
    }
    ~Handle() { reset(); }

    T *get() const { return m_pointer; }
    explicit operator bool() const { return m_pointer != nullptr; }

    // For libgit2's out-parameters: frees what is held and hands out the slot.
    T **out()
    {
        reset();
        return &m_pointer;
    }

    // Hands ownership to the caller (to re-wrap it as a more specific handle).
    T *release() { return std::exchange(m_pointer, nullptr); }

    void reset()
    {
        if (m_pointer)
            Free(m_pointer);
        m_pointer = nullptr;
    }

private:
    T *m_pointer = nullptr;
};

using RepositoryHandle = Handle<git_repository, git_repository_free>;
using ObjectHandle = Handle<git_object, git_object_free>;
using CommitHandle = Handle<git_commit, git_commit_free>;
using TreeHandle = Handle<git_tree, git_tree_free>;
using TreeEntryHandle = Handle<git_tree_entry, git_tree_entry_free>;
using BlobHandle = Handle<git_blob, git_blob_free>;
using ReferenceHandle = Handle<git_reference, git_reference_free>;
using RevwalkHandle = Handle<git_revwalk, git_revwalk_free>;
using DiffHandle = Handle<git_diff, git_diff_free>;
using PatchHandle = Handle<git_patch, git_patch_free>;
using IndexHandle = Handle<git_index, git_index_free>;
using SignatureHandle = Handle<git_signature, git_signature_free>;
using StatusListHandle = Handle<git_status_list, git_status_list_free>;
using BlameHandle = Handle<git_blame, git_blame_free>;
using ConflictIteratorHandle = Handle<git_index_conflict_iterator, git_index_conflict_iterator_free>;

// A git_buf that is disposed of when it goes out of scope.
struct Buffer final
{
    git_buf buf = GIT_BUF_INIT;
    Buffer() = default;
    Buffer(const Buffer &) = delete;
    Buffer &operator=(const Buffer &) = delete;
    ~Buffer() { git_buf_dispose(&buf); }
};

} // namespace capstan::git::detail
